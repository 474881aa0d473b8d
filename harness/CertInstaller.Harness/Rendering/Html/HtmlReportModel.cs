using CertInstaller.Core.Validation;
namespace CertInstaller.Harness.Rendering.Html;

/// <summary>Everything the HTML report of one validate run shows, built once from what validate computed (no I/O).</summary>
/// <param name="Folder">The certificates folder judged, full path.</param>
/// <param name="Valid">The verdict under the policy.</param>
/// <param name="ExitCode">The exit code certharness returns for this run.</param>
/// <param name="At">The time validity was judged at (now, or --at).</param>
/// <param name="Policy">The policy in force.</param>
/// <param name="Version">certharness's version line (version and commit).</param>
/// <param name="Sets">The folder's certificate sets, in layout order.</param>
/// <param name="Certificates">Every live certificate, in set order; ids are "cert-1", "cert-2", ...</param>
/// <param name="Findings">Every finding, in the report's order (worst first).</param>
/// <param name="Codes">The registry entry of each code the findings use, ordered by number.</param>
/// <param name="OtherFiles">Files in no certificate set (map, CSRs work area, leftovers, unrecognised), with what they are.</param>
public sealed record HtmlReportModel(
    string Folder,
    bool Valid,
    int ExitCode,
    DateTimeOffset At,
    ReportPolicy Policy,
    string Version,
    IReadOnlyList<ReportSet> Sets,
    IReadOnlyList<ReportCertificate> Certificates,
    IReadOnlyList<ReportFinding> Findings,
    IReadOnlyList<ReportCode> Codes,
    IReadOnlyList<ReportFile> OtherFiles);

/// <summary>The thresholds of the policy in force and where it came from.</summary>
/// <param name="Source">"installer preset", "strict preset", or the policy file given with --policy.</param>
/// <param name="MinDigest">The weakest signature digest accepted.</param>
/// <param name="MinRsaBits">The smallest RSA key accepted.</param>
/// <param name="MinEcBits">The smallest EC key accepted.</param>
/// <param name="ExpiryWarningDays">Days before notAfter from which a certificate is "expiring soon".</param>
/// <param name="FailAt">The lowest severity that makes the folder invalid.</param>
public sealed record ReportPolicy(string Source, string MinDigest, int MinRsaBits, int MinEcBits, int ExpiryWarningDays, string FailAt);

/// <summary>One certificate set of the folder (Server Group, IC CA, a subsystem, a remote peer, HTTPS...).</summary>
/// <param name="Id">The HTML anchor of the set ("set-1", ...).</param>
/// <param name="Title">What the set is, for people ("Local subsystem: Server").</param>
/// <param name="Directory">The set's folder, relative ('/'-separated, "." for the root).</param>
/// <param name="Files">The set's files.</param>
/// <param name="CertificateIds">Ids of the set's live certificates in <see cref="HtmlReportModel.Certificates"/>.</param>
public sealed record ReportSet(string Id, string Title, string Directory, IReadOnlyList<ReportFile> Files, IReadOnlyList<string> CertificateIds);

/// <summary>One file of the folder and what it is.</summary>
/// <param name="Path">Relative path, '/'-separated.</param>
/// <param name="Part">"certificate", "private key", "public key", "trusted certificates", ...</param>
/// <param name="Origin">IC-issued, third-party or other, by the folder classifier.</param>
public sealed record ReportFile(string Path, string Part, ReportOrigin Origin);

/// <summary>Who issued a file, as the preservation classifier (FolderClassifier) decides it.</summary>
public enum ReportOrigin
{
    /// <summary>Neither (a map, a CSR work file, a leftover copy, an unreadable file).</summary>
    Other,
    /// <summary>Descends from the folder's own self-signed Server Group root: an install may regenerate it.</summary>
    IcIssued,
    /// <summary>Issued by an outside CA: must survive installs.</summary>
    ThirdParty,
}

/// <summary>One live certificate: what it is, its key and digest, its origin and its chain.</summary>
/// <param name="Id">The HTML anchor ("cert-1", ...).</param>
/// <param name="Path">The certificate file, relative.</param>
/// <param name="SetTitle">The title of its set.</param>
/// <param name="CommonName">The subject's last CN, or the whole subject when it has none.</param>
/// <param name="Subject">The subject, OpenSSL one-line form.</param>
/// <param name="Issuer">The issuer, OpenSSL one-line form.</param>
/// <param name="Serial">The serial number, uppercase hex.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
/// <param name="Expiry">Where it stands at the judged time.</param>
/// <param name="SignatureAlgorithm">OpenSSL's name of the signature algorithm.</param>
/// <param name="Digest">The signature's digest ("SHA-256").</param>
/// <param name="KeyType">"RSA", "EC", "Ed25519"...</param>
/// <param name="KeySize">"2048 bits", or "256 bits (P-256)".</param>
/// <param name="Sans">The subject alternative names, as "DNS:host".</param>
/// <param name="Sha256">The SHA-256 fingerprint, lowercase hex.</param>
/// <param name="Origin">IC-issued or third-party.</param>
/// <param name="OriginReason">Why the classifier says so.</param>
/// <param name="Chain">The chain from this certificate to its anchor, as validate builds it.</param>
public sealed record ReportCertificate(
    string Id,
    string Path,
    string SetTitle,
    string CommonName,
    string Subject,
    string Issuer,
    string Serial,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    ExpiryState Expiry,
    string SignatureAlgorithm,
    string Digest,
    string KeyType,
    string KeySize,
    IReadOnlyList<string> Sans,
    string Sha256,
    ReportOrigin Origin,
    string OriginReason,
    ReportChain Chain);

/// <summary>A certificate's chain, leaf first; ends at the anchor when one was reached.</summary>
/// <param name="Nodes">The certificates of the path, leaf first.</param>
/// <param name="State">Trusted, untrusted (an anchor was reached but the path has problems) or broken (no anchor).</param>
/// <param name="Summary">One sentence for people: what the chain reaches, or what breaks it.</param>
/// <param name="MissingIssuer">For a broken chain: the issuer name the last certificate points at, which no file gives.</param>
public sealed record ReportChain(IReadOnlyList<ReportChainNode> Nodes, ChainState State, string Summary, string? MissingIssuer);

/// <summary>Whether a chain reached a trust anchor without a problem.</summary>
public enum ChainState
{
    /// <summary>Reaches an anchor with no problem.</summary>
    Trusted,
    /// <summary>Reaches an anchor, but the path has problems (dates, constraints, usage...).</summary>
    Untrusted,
    /// <summary>Reaches no anchor: an issuer is missing or its signature does not verify.</summary>
    Broken,
}

/// <summary>One certificate of a chain picture.</summary>
/// <param name="CommonName">The subject's CN.</param>
/// <param name="Subject">The subject, one-line form.</param>
/// <param name="IssuerCommonName">The issuer's CN.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
/// <param name="IsAnchor">True for the trust anchor that ends the chain.</param>
/// <param name="HasProblem">True when a problem of the path names this certificate (expired, constraint broken...).</param>
public sealed record ReportChainNode(string CommonName, string Subject, string IssuerCommonName, DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool IsAnchor, bool HasProblem = false);

/// <summary>One finding: code, severity, file and the message that carries the fix.</summary>
/// <param name="Code">The printed code ("CI3001").</param>
/// <param name="CodeName">The registry's name of the code ("ChainNotTrusted"); the report's anchor for the code.</param>
/// <param name="Severity">"error", "warning" or "info".</param>
/// <param name="Path">The file, relative ("" for the folder).</param>
/// <param name="Message">The problem and the fix.</param>
/// <param name="CertificateId">The certificate card of <paramref name="Path"/>, when it is a live certificate.</param>
public sealed record ReportFinding(string Code, string CodeName, string Severity, string Path, string Message, string? CertificateId);

/// <summary>A code of the registry (src/CertInstaller.Core/Codes), as the report's glossary lists it.</summary>
/// <param name="Code">The printed code.</param>
/// <param name="Name">The registry's name; also the anchor findings link to.</param>
/// <param name="Area">The code's area.</param>
/// <param name="DefaultSeverity">Its severity unless a policy says otherwise.</param>
public sealed record ReportCode(string Code, string Name, string Area, string DefaultSeverity);
