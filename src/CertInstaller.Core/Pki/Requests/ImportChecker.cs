using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Pki.Requests;

/// <summary>What to compare: the certificate the CA sent back, the CSR it answers, optionally the private key and the chain inputs.</summary>
public sealed record ImportCheckRequest(X509Certificate Certificate, Pkcs10CertificationRequest Csr, DateTimeOffset At)
{
    /// <summary>The CSR's private key, when given: it must match the certificate.</summary>
    public AsymmetricKeyParameter? PrivateKey { get; init; }

    /// <summary>Intermediates (the CA's bundle).</summary>
    public CertificatePool Pool { get; init; } = new();

    /// <summary>Trust anchors; null skips the chain check (reported as <see cref="CsrFindingCode.ChainNotChecked"/>).</summary>
    public CertificatePool? Anchors { get; init; }

    /// <summary>What IC uses the certificate for; both ways in the single third-party certificate mode.</summary>
    public ChainPurpose Purpose { get; init; } = ChainPurpose.ServerAndClient;

    /// <summary>The weakest signature digest accepted on the certificate: the csr check's and validate's minimum (SHA-256).</summary>
    public DigestAlgorithm MinDigest { get; init; } = DigestAlgorithm.Sha256;
}

/// <summary>One check of import-check: its name, its finding (null when it passed) and what was seen.</summary>
public sealed record ImportCheckResult(string Check, CsrFinding? Finding, string Detail)
{
    /// <summary>True when the check passed (or only warned).</summary>
    public bool Ok => Finding is null || Finding.Severity != Severity.Error;
}

/// <summary>Does the certificate the CA sent back match what was asked? One result per check, never throws for bad certificates.</summary>
public static class ImportChecker
{
    /// <summary>The checks, in order: publicKey, subject, sans, privateKey, chain, eku, keyUsage, digest.</summary>
    public static IReadOnlyList<ImportCheckResult> Check(ImportCheckRequest request, IChainBuilder chains)
    {
        var certificate = PkiDescriber.Describe(request.Certificate);
        var csr = PkiDescriber.Describe(request.Csr);
        return
        [
            PublicKey(request),
            Subject(csr.Subject, certificate.Subject),
            Sans(csr.Sans, certificate.Sans),
            PrivateKey(request),
            Chain(request, chains),
            Ekus(certificate.ExtendedKeyUsages, request.Purpose),
            Usage(certificate),
            Digest(certificate, request.MinDigest),
        ];
    }

    // The CA signs with its own digest, whatever the CSR asked: a SHA-1 answer to a SHA-256 CSR fails validate later (CI3005).
    private static ImportCheckResult Digest(CertificateDescription certificate, DigestAlgorithm minimum)
    {
        var signature = certificate.Signature;
        var detail = $"{signature.Algorithm} ({signature.Digest.ToDisplayName()})";
        return signature.Digest == DigestAlgorithm.Unknown || signature.Digest < minimum
            ? new("digest", new(CsrFindingCode.DigestTooWeak,
                $"the CA signed the certificate with {detail}; at least {minimum.ToDisplayName()} is required: ask the CA to issue it again with {minimum.ToDisplayName()}"), detail)
            : new("digest", null, detail);
    }

    private static ImportCheckResult PublicKey(ImportCheckRequest request)
    {
        var same = request.Certificate.CertificateStructure.SubjectPublicKeyInfo.GetEncoded()
            .AsSpan().SequenceEqual(request.Csr.GetCertificationRequestInfo().SubjectPublicKeyInfo.GetEncoded());
        return same
            ? new("publicKey", null, "the certificate carries the CSR's public key")
            : new("publicKey", new(CsrFindingCode.CertificateKeyNotCsrKey, "the certificate's public key is not the CSR's: the CA answered another request"), "different public keys");
    }

    private static ImportCheckResult Subject(NameDescription asked, NameDescription got)
    {
        static string Pair(NameAttribute a) => $"{a.Type}={a.Value}";
        var requested = asked.Attributes.Select(Pair).ToList();
        var issued = got.Attributes.Select(Pair).ToList();
        if (requested.SequenceEqual(issued, StringComparer.Ordinal))
        {
            return new("subject", null, $"kept: {got.OneLine}");
        }

        var dropped = requested.Where(r => !issued.Contains(r, StringComparer.Ordinal)).ToList();
        var added = issued.Where(i => !requested.Contains(i, StringComparer.Ordinal)).ToList();
        var reordered = dropped.Count == 0 && added.Count == 0
            || !requested.Where(issued.Contains).SequenceEqual(issued.Where(requested.Contains), StringComparer.Ordinal);
        var parts = new List<string>();
        if (dropped.Count > 0) parts.Add("dropped or changed " + string.Join(", ", dropped));
        if (added.Count > 0) parts.Add("added " + string.Join(", ", added));
        if (reordered) parts.Add("reordered (e.g. the OUs)");
        var message = $"the subject changed: {string.Join("; ", parts)}. Asked: {asked.OneLine}; issued: {got.OneLine}";
        return new("subject", new(CsrFindingCode.SubjectChanged, message) { Severity = dropped.Count == 0 && !reordered ? Severity.Warning : Severity.Error }, got.OneLine);
    }

    private static ImportCheckResult Sans(IReadOnlyList<SubjectAltName> asked, IReadOnlyList<SubjectAltName> got)
    {
        var dropped = asked.Where(a => !got.Any(g => CsrChecker.SameSan(g, a))).ToList();
        var added = got.Where(g => !asked.Any(a => CsrChecker.SameSan(g, a))).ToList();
        var detail = $"{got.Count} SAN(s)" + (added.Count > 0 ? $", added by the CA: {string.Join(", ", added.Select(s => $"{s.TypeName}:{s.Value}"))}" : string.Empty);
        return dropped.Count == 0
            ? new("sans", null, detail)
            : new("sans", new(CsrFindingCode.SanDropped, $"the CA dropped {string.Join(", ", dropped.Select(s => $"{s.TypeName}:{s.Value}"))}; IC connects by these names"), detail);
    }

    private static ImportCheckResult PrivateKey(ImportCheckRequest request) => request.PrivateKey is not { } key
        ? new("privateKey", null, "not checked (no key given)")
        : KeyMatcher.Matches(key, request.Certificate)
            ? new("privateKey", null, "the private key matches the certificate")
            : new("privateKey", new(CsrFindingCode.CertificateKeyMismatch, "the private key does not match the certificate; pkcs12 -export would refuse the pair"), "mismatch");

    private static ImportCheckResult Chain(ImportCheckRequest request, IChainBuilder chains)
    {
        if (request.Anchors is not { } anchors)
        {
            return new("chain", new(CsrFindingCode.ChainNotChecked, "no trust was given, so the chain was not checked") { Severity = Severity.Warning }, "not checked");
        }

        // The path is held to the same minimum digest as the certificate, so a CA above it signed with SHA-1 fails here.
        var result = chains.Build(new ChainRequest(request.Certificate, request.Pool, anchors, request.At) { Purpose = request.Purpose, MinDigest = request.MinDigest });
        var path = string.Join(" -> ", result.Path.Select(c => PkiDescriber.DescribeName(c.SubjectDN).OneLine));
        // The leaf's own EKU, key usage and signature digest have their own checks (EkuMissing, KeyUsageNotTls,
        // DigestTooWeak): one defect, one finding.
        var leaf = PkiDescriber.DescribeName(request.Certificate.SubjectDN).OneLine;
        var problems = result.Problems.Where(p => p.Code is not (ChainProblemCode.PurposeNotAllowed or ChainProblemCode.KeyUsageForbidsPurpose)
            && !(p.Code == ChainProblemCode.WeakSignatureDigest && p.Subject == leaf)).ToList();
        return result.Anchor is not null && problems.Count == 0
            ? new("chain", null, path)
            : new("chain", new(CsrFindingCode.ChainInvalid,
                $"the chain does not verify: {string.Join("; ", problems.Select(p => $"{p.Code}: {p.Message}").DefaultIfEmpty("no path to the trust given"))}"), path);
    }

    private static ImportCheckResult Ekus(IReadOnlyList<string> ekus, ChainPurpose purpose)
    {
        var needed = purpose switch
        {
            ChainPurpose.Server => new[] { ExtendedKeyUsages.ServerAuth },
            ChainPurpose.Client => [ExtendedKeyUsages.ClientAuth],
            ChainPurpose.ServerAndClient => [ExtendedKeyUsages.ServerAuth, ExtendedKeyUsages.ClientAuth],
            _ => [],
        };
        if (ekus.Count == 0)
        {
            return new("eku", null, "no extended key usage extension: any use is allowed");
        }

        var missing = needed.Where(n => !ekus.Contains(n) && !ekus.Contains("anyExtendedKeyUsage")).ToList();
        return missing.Count == 0
            ? new("eku", null, string.Join(", ", ekus))
            : new("eku", new(CsrFindingCode.EkuMissing, $"the certificate lacks {string.Join(" and ", missing)} (it has {string.Join(", ", ekus)}); IC's {Describe(purpose)} needs {string.Join(" and ", needed)}"),
                string.Join(", ", ekus));
    }

    private static ImportCheckResult Usage(CertificateDescription certificate)
    {
        if (certificate.KeyUsage is not { } usage)
        {
            return new("keyUsage", null, "no key usage extension: any use is allowed");
        }

        if (!usage.HasFlag(KeyUsageFlags.DigitalSignature))
        {
            return new("keyUsage", new(CsrFindingCode.KeyUsageNotTls, "the key usage lacks digitalSignature, which TLS needs"), KeyUsageNames.Text(usage));
        }

        return certificate.PublicKey.Algorithm == "RSA" && !usage.HasFlag(KeyUsageFlags.KeyEncipherment)
            ? new("keyUsage", new(CsrFindingCode.KeyUsageNotTls, "the key usage lacks keyEncipherment: TLS 1.2 RSA key exchange will fail") { Severity = Severity.Warning }, KeyUsageNames.Text(usage))
            : new("keyUsage", null, KeyUsageNames.Text(usage));
    }

    private static string Describe(ChainPurpose purpose) => purpose switch
    {
        ChainPurpose.Server => "server slot",
        ChainPurpose.Client => "client slot",
        _ => "single-certificate mode",
    };
}
