using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Preservation;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Validation.Rules;
using Org.BouncyCastle.X509;

namespace CertInstaller.Harness.Rendering.Html;

/// <summary>Builds the <see cref="HtmlReportModel"/> of a validate run from its context (layout, parsed files, slots) and report.</summary>
public static class HtmlReportBuilder
{
    /// <summary>The model of one run: <paramref name="context"/> is the one validate judged (its file cache and slots are reused).</summary>
    public static HtmlReportModel Build(ValidationContext context, ValidationReport report, int exitCode, string policySource, string version)
    {
        var layout = context.Layout;
        var slots = context.Slots;
        // The one IC-issued/third-party rule of the product (the one Preserve uses), never a second one; through the run's
        // cache, so the report judges the parses validate judged and verifies no signature twice.
        var run = context.Run ?? new RunCache();
        var origins = new FolderClassifier(run).Classify(layout, []);
        var builder = new ChainBuilder(run.Signatures);

        var certificates = new List<ReportCertificate>();
        var sets = new List<ReportSet>();
        var inSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (title, directory, files, slotPaths) in Groups(layout, slots, path => Origin(origins, path)))
        {
            var ids = new List<string>();
            foreach (var slot in slotPaths.Select(p => slots.Slots.First(s => s.Path == p)))
            {
                if (Certificate(context, slots, slot, builder, origins, title, $"cert-{certificates.Count + 1}") is { } card)
                {
                    certificates.Add(card);
                    ids.Add(card.Id);
                }
            }
            foreach (var f in files) inSet.Add(f.Path);
            sets.Add(new ReportSet($"set-{sets.Count + 1}", title, directory.Length == 0 ? "." : directory, files, ids));
        }

        var others = layout.Entries.Where(e => !inSet.Contains(e.RelativePath))
            .Select(e => new ReportFile(e.RelativePath, OtherPart(e), Origin(origins, e.RelativePath))).ToList();
        var byPath = certificates.GroupBy(c => c.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var findings = report.Findings.Select(f => new ReportFinding(
            f.CodeText, CodeRegistry.Of(f.Code).Name, f.Severity.ToString().ToLowerInvariant(), f.Path, f.Message,
            byPath.TryGetValue(f.Path, out var id) ? id : null)).ToList();
        var codes = report.Findings.Select(f => CodeRegistry.Of(f.Code)).Distinct().OrderBy(c => c.Number)
            .Select(c => new ReportCode(c.Text, c.Name, c.Area.ToString(), c.DefaultSeverity.ToString().ToLowerInvariant())).ToList();
        var p = context.Policy;
        var policy = new ReportPolicy(policySource, p.MinDigest.ToDisplayName(), p.MinRsaBits, p.MinEcBits, p.ExpiryWarningDays, p.FailAt.ToString().ToLowerInvariant());
        return new HtmlReportModel(layout.Root, report.Valid, exitCode, context.At, policy, version, sets, certificates, findings, codes, others);
    }

    /// <summary>The folder's sets in layout order, then one HTTPS group, each with its files and its live certificate slots.</summary>
    private static IEnumerable<(string Title, string Directory, IReadOnlyList<ReportFile> Files, IReadOnlyList<string> Slots)> Groups(FolderLayout layout, FolderSlots slots, Func<string, ReportOrigin> origin)
    {
        var slotPaths = new HashSet<string>(slots.Slots.Select(s => s.Path), StringComparer.Ordinal);
        // People read a folder top-down from its root of trust: Server Group, IC CA, this server's sets, then peers.
        var live = layout.Sets.Where(s => s.Role is not (CertificateRole.CsrWorkArea or CertificateRole.LeftoverBackup or CertificateRole.Unknown or CertificateRole.Https))
            .OrderBy(s => Array.IndexOf(RoleOrder, s.Role)).ThenBy(s => s.Directory, StringComparer.Ordinal).ThenBy(s => s.UseType, StringComparer.Ordinal);
        foreach (var set in live)
        {
            var files = new List<ReportFile>();
            void Add(string? path, string part)
            {
                if (path is not null && files.All(f => f.Path != path)) files.Add(new ReportFile(path, part, origin(path)));
            }
            Add(set.Certificate, "certificate");
            Add(set.PrivateKey, "private key");
            Add(set.PublicKey, "public key");
            Add(set.Trusted, "trusted certificates");
            if (files.Count == 0) continue;
            yield return (Title(set), set.Directory, files,
                set.Certificate is { } c && slotPaths.Contains(c) ? [c] : []);
        }
        var https = layout.Entries.Where(e => e.Role == CertificateRole.Https).ToList();
        if (https.Count > 0)
            yield return ("HTTPS (web server)", "HTTPS",
                https.Select(e => new ReportFile(e.RelativePath, PartName(e), origin(e.RelativePath))).ToList(),
                https.Where(e => slotPaths.Contains(e.RelativePath)).Select(e => e.RelativePath).ToList());
    }

    private static readonly CertificateRole[] RoleOrder =
    [
        CertificateRole.ServerGroup, CertificateRole.CertificateAuthority, CertificateRole.LocalSubsystem, CertificateRole.Line,
        CertificateRole.Component, CertificateRole.RemoteSubsystem, CertificateRole.RemoteClient, CertificateRole.MapFile,
    ];

    private static string Title(CertificateSet set)
    {
        var use = set.UseType ?? "certificate";
        var peer = set.Directory.Split('/').LastOrDefault() ?? "";
        return set.Role switch
        {
            CertificateRole.ServerGroup => "Server Group",
            CertificateRole.CertificateAuthority => "IC Certificate Authority",
            CertificateRole.LocalSubsystem => $"Local subsystem: {use}",
            CertificateRole.RemoteSubsystem => $"Remote subsystem {peer}: {use}",
            CertificateRole.RemoteClient => $"Remote client {peer}: {use}",
            CertificateRole.Line => $"Line (SIP): {use}",
            CertificateRole.Component => $"Component: {use}",
            _ => $"{set.Role}: {use}",
        } + (set.Server is { } s && set.Role is not CertificateRole.ServerGroup ? $" ({s})" : "");
    }

    private static string PartName(LayoutEntry e) => e.Part switch
    {
        FilePart.Certificate => "certificate",
        FilePart.PrivateKey => "private key",
        FilePart.PublicKey => "public key",
        FilePart.Trusted => "trusted certificates",
        FilePart.Request => "certificate request",
        FilePart.Pkcs12 => "PKCS#12",
        _ => System.IO.Path.GetExtension(e.RelativePath).ToLowerInvariant() switch
        {
            ".key" => "private key",
            ".cer" or ".crt" or ".pem" or ".der" => "certificate",
            _ => "file",
        },
    };

    private static string OtherPart(LayoutEntry e) => e.Role switch
    {
        CertificateRole.MapFile => "certificate map",
        CertificateRole.CsrWorkArea => "CSRs work area: " + PartName(e),
        CertificateRole.LeftoverBackup => "leftover copy",
        _ => PartName(e),
    };

    private static ReportOrigin Origin(IReadOnlyDictionary<string, FileClassification> origins, string path) =>
        origins.TryGetValue(path, out var c) ? c.Origin switch
        {
            FileOrigin.IcIssued => ReportOrigin.IcIssued,
            FileOrigin.ThirdParty => ReportOrigin.ThirdParty,
            _ => ReportOrigin.Other,
        } : ReportOrigin.Other;

    /// <summary>The card of one slot, or null when its file holds no readable certificate (the findings say why).</summary>
    private static ReportCertificate? Certificate(ValidationContext context, FolderSlots slots, CertificateSlot slot, IChainBuilder builder,
        IReadOnlyDictionary<string, FileClassification> origins, string setTitle, string id)
    {
        var bundle = context.Files.Certificates(slot.Path);
        if (bundle.Count == 0) return null;
        var leaf = LeafSelector.Select(bundle);
        var d = PkiDescriber.Describe(leaf);
        var origin = Origin(origins, slot.Path);
        var reason = origins.TryGetValue(slot.Path, out var c) ? c.Reason : "not classified";
        var key = d.PublicKey.Curve is { } curve ? $"{d.PublicKey.Bits} bits ({curve})" : $"{d.PublicKey.Bits} bits";
        return new ReportCertificate(id, slot.Path, setTitle, CommonName(d.Subject), d.Subject.OneLine, d.Issuer.OneLine, d.Serial,
            d.NotBefore, d.NotAfter, Expiry.Of(d.NotBefore, d.NotAfter, context.At, context.Policy.ExpiryWarningDays),
            d.Signature.Algorithm, d.Signature.Digest.ToDisplayName(), d.PublicKey.Algorithm, key,
            d.Sans.Select(s => $"{s.Type.ToString().ToUpperInvariant()}:{s.Value}").ToList(), d.Fingerprints.Sha256,
            origin, reason, Chain(context, slot, leaf, bundle, builder));
    }

    /// <summary>The chain ChainRule judges (its own <see cref="ChainRule.Verify"/>), as a picture.</summary>
    private static ReportChain Chain(ValidationContext context, CertificateSlot slot, X509Certificate leaf,
        IReadOnlyList<X509Certificate> bundle, IChainBuilder builder)
    {
        var result = ChainRule.Verify(context, slot, leaf, bundle, builder);
        var path = result.Path.Count > 0 ? result.Path : [leaf];
        var nodes = path.Select(c =>
        {
            var d = PkiDescriber.Describe(c);
            return new ReportChainNode(CommonName(d.Subject), d.Subject.OneLine, CommonName(d.Issuer), d.NotBefore, d.NotAfter,
                result.Anchor is not null && c.Equals(result.Anchor), result.Problems.Any(p => p.Subject == d.Subject.OneLine));
        }).ToList();
        var from = slot.TrustedFile is null ? "the folder's hierarchy" : slot.TrustedFile;
        if (result.Anchor is null)
        {
            var last = PkiDescriber.Describe(path[^1]);
            var why = string.Join("; ", result.Problems.Select(p => p.Message).Distinct().DefaultIfEmpty("no path to a trusted certificate"));
            return new ReportChain(nodes, ChainState.Broken,
                $"Broken: {why}. The issuer '{last.Issuer.OneLine}' is not in {from} or the folder's Server Group/IC CA.", last.Issuer.OneLine);
        }
        var anchor = CommonName(PkiDescriber.Describe(result.Anchor).Subject);
        return result.Problems.Count == 0
            ? new ReportChain(nodes, ChainState.Trusted, $"Trusted: chains to '{anchor}' ({from}).", null)
            : new ReportChain(nodes, ChainState.Untrusted,
                $"Reaches '{anchor}' but: {string.Join("; ", result.Problems.Select(p => p.Message).Distinct())}.", null);
    }

    private static string CommonName(NameDescription name) => name.ValuesOf("CN").LastOrDefault() ?? (name.OneLine.Length == 0 ? "(empty name)" : name.OneLine);
}
