using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Chains;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// Each live certificate builds a chain to its own set's trusted file plus the folder's hierarchy
/// (<see cref="FolderSlots"/>): anchors are never pooled across sets. A certificate that chains to a Server Group or
/// IC CA that is no longer the folder's is an orphan (<see cref="FindingCode.OrphanedByDisplacedRoot"/>); the HTTPS
/// slot is judged under the web PKI profile at warning level (<see cref="FindingCode.HttpsChainNotTrusted"/>).
/// </summary>
/// <remarks>Dates are <see cref="CertificateRule"/>'s business; this rule reports only what breaks the path itself.
/// An IC CA the Server Group did not issue is <see cref="ConsistencyRule"/>'s.</remarks>
public sealed class ChainRule(IChainBuilder builder) : IFolderRule
{
    /// <summary>A rule with a fresh builder whose signature cache lives for one validation run.</summary>
    public ChainRule() : this(new ChainBuilder()) { }

    // Reported by their own rules at their own severity: dates (CertificateRule), host (HostRule), and the leaf's own EKU and
    // key usage for its slot (UsageRule, CI3009/CI3010), so one defect is not also a CI3001 error.
    private static readonly HashSet<ChainProblemCode> ReportedElsewhere =
    [
        ChainProblemCode.Expired, ChainProblemCode.NotYetValid, ChainProblemCode.HostMismatch,
        ChainProblemCode.PurposeNotAllowed, ChainProblemCode.KeyUsageForbidsPurpose,
        // The policy's minDigest picks the path (a SHA-256 cross-signed or renewed CA first); a certificate below it is
        // CertificateRule's CI3005 (WeakDigest), which names the file.
        ChainProblemCode.WeakSignatureDigest,
    ];

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        var slots = context.Slots;
        foreach (var slot in slots.Slots)
            foreach (var o in RuleGuard.Run(slot.Path, () => Chain(context, slots, slot)))
                yield return o;
    }

    private IEnumerable<Observation> Chain(ValidationContext context, FolderSlots slots, CertificateSlot slot)
    {
        var certificates = context.Files.Certificates(slot.Path);
        if (certificates.Count == 0) yield break; // unreadable: CertificateRule reports it
        var leaf = LeafSelector.Select(certificates);
        if (slots.SelfSignedRoot is not null && leaf.Equals(slots.SelfSignedRoot)) yield break;
        if (slot.Role == CertificateRole.CertificateAuthority && slots.ServerGroup is { } sg && !FolderSlots.Issued(sg, leaf)) yield break;

        var result = Verify(context, slot, leaf, certificates, builder);
        var leafSubject = Describe(leaf);
        // The leaf's own dates are CertificateRule's; a CA above it that is expired or not yet valid breaks this
        // certificate's path, so the certificate gets its own finding naming that link (and the file it sits in).
        var problems = result.Problems
            .Where(p => !ReportedElsewhere.Contains(p.Code) || BrokenLink(p, leafSubject))
            .Select(p => BrokenLink(p, leafSubject) && FileOf(context, slot, certificates, result, p) is { } file ? p with { Message = $"{p.Message} (in {file})" } : p)
            .ToList();
        if (result.Anchor is not null && problems.Count == 0)
        {
            // A valid path can still carry what the profile reports as a warning (ChainWarnings): say it, never drop it.
            foreach (var w in result.Warnings)
                yield return new Observation(FindingCode.ChainWarning, slot.Path, $"{leafSubject}: its chain is valid, but {w.Code}: {w.Message}. " +
                    "Fix: reissue the certificate as an end-entity certificate for its slot (no CA basic constraint; the CN among the SANs)");
            yield break;
        }

        if (Orphan(slots, result) is { } orphan)
        {
            yield return new Observation(FindingCode.OrphanedByDisplacedRoot, slot.Path, orphan);
            yield break;
        }

        // Only dates broke the path: the certificate gets the date's own code (CI3002/CI3003), so a policy that judges
        // expiry judges it everywhere, and the message names the link.
        if (result.Anchor is not null && problems.All(p => BrokenLink(p, leafSubject)))
        {
            foreach (var links in problems.GroupBy(p => p.Code))
                yield return new Observation(links.Key == ChainProblemCode.Expired ? FindingCode.Expired : FindingCode.NotYetValid, slot.Path,
                    $"{Describe(leaf)}: its chain is broken at {(links.Count() == 1 ? "a CA certificate" : "CA certificates")} above it: " +
                    $"{string.Join("; ", links.Select(p => p.Message))}. " +
                    "Fix: put the CA's renewed certificate in place of each one named (and reissue this certificate if the CA's key changed)");
            yield break;
        }

        var against = slot.TrustedFile is null
            ? "its set has no trusted certificate file (*_TrustedCertificate.cer)" + (slots.SelfSignedRoot is null ? " and the folder no self-signed Server Group root" : " and it does not chain to the folder's Server Group root")
            : $"it does not chain to its set's trusted file {slot.TrustedFile}" + (slots.ServerGroupPath is null ? "" : $" (with the folder's hierarchy under {slots.ServerGroupPath})");
        var why = string.Join("; ", problems.Select(p => p.Message).DefaultIfEmpty("no path to a trusted certificate"));
        var fix = slot.TrustedFile is null
            ? "put the issuing and root CA certificates in a trusted certificate file beside it"
            : $"put the missing issuing and root CA certificates in {slot.TrustedFile} (a root found in another set's trusted file does not count)";
        yield return slot.IsHttps
            ? new Observation(FindingCode.HttpsChainNotTrusted, slot.Path, $"{Describe(leaf)}: {against}: {why}. Fix: {fix}, or install the web CA's chain with the certificate")
            : new Observation(FindingCode.ChainNotTrusted, slot.Path, $"{Describe(leaf)}: {against}: {why}. Fix: {fix}");
    }

    private static bool BrokenLink(ChainProblem p, string leafSubject) =>
        p.Code is ChainProblemCode.Expired or ChainProblemCode.NotYetValid && !string.Equals(p.Subject, leafSubject, StringComparison.Ordinal);

    // Where the certificate a problem names sits: the set's trusted file, the folder's hierarchy, or the leaf's own file.
    private static string? FileOf(ValidationContext context, CertificateSlot slot, IReadOnlyList<X509Certificate> own, ChainResult result, ChainProblem p)
    {
        var certificate = result.Path.FirstOrDefault(c => Describe(c) == p.Subject);
        if (certificate is null) return null;
        var slots = context.Slots;
        if (slot.TrustedFile is { } trusted && context.Files.Certificates(trusted).Contains(certificate)) return trusted;
        if (certificate.Equals(slots.ServerGroup)) return slots.ServerGroupPath;
        if (certificate.Equals(slots.Ca)) return slots.CaPath;
        return own.Contains(certificate) ? slot.Path : null;
    }

    /// <summary>The chain of <paramref name="leaf"/> (from <paramref name="slot"/>'s file <paramref name="bundle"/>) as the
    /// folder verdict judges it: its set's own trusted file plus the folder's hierarchy, the slot's purpose and profile.
    /// Hosts that picture the chain (the HTML report) call this, so the picture is the verdict's path.</summary>
    public static ChainResult Verify(ValidationContext context, CertificateSlot slot, X509Certificate leaf, IReadOnlyList<X509Certificate> bundle, IChainBuilder builder)
    {
        var slots = context.Slots;
        var trusted = slot.TrustedFile is null ? [] : context.Files.Certificates(slot.TrustedFile);
        // The Server Group and IC CA certificates are CAs (they issue the subsystem certificates), so the path is checked
        // for them as CAs: a TLS purpose would reject any CA as an end entity (RFC 5280 §4.2.1.9). What the single
        // third-party certificate mode needs of the Server Group's EKU is UsageRule's (CI3009).
        var purpose = slot.Role is CertificateRole.ServerGroup or CertificateRole.CertificateAuthority ? ChainPurpose.Any : slot.Purpose;
        return FolderChainVerifier.VerifySet(leaf, bundle, trusted, slots.Hierarchy, context.At, builder, purpose, slot.Profile, slots.SelfSigned, context.Policy.MinDigest);
    }

    /// <summary>Why the chain's failure comes from a Server Group or IC CA that is not the folder's current one, or null.</summary>
    internal static string? Orphan(FolderSlots slots, ChainResult result)
    {
        foreach (var c in result.Path)
        {
            if (slots.Ca is { } ca && c.Equals(ca) && slots.ServerGroup is { } sg && !FolderSlots.Issued(sg, ca))
                return $"{Describe(result.Path[0])} chains through {slots.CaPath}, an IC CA that the folder's current Server Group ({slots.ServerGroupPath}) did not issue. " + OrphanFix;
            foreach (var (h, path) in new[] { (slots.ServerGroup, slots.ServerGroupPath), (slots.Ca, slots.CaPath) })
            {
                if (h is null || c.Equals(h) || !c.IssuerDN.Equivalent(h.SubjectDN, true) || FolderSlots.Issued(h, c)) continue;
                var via = c.Equals(result.Path[0]) ? "" : $" through '{Describe(c)}'";
                return $"{Describe(result.Path[0])} chains{via} to an issuer named '{Describe(h)}' whose key is not the one in {path} (the signature does not verify): " +
                       "it chains to a Server Group root that is no longer in ServerGroup\\. " + OrphanFix;
            }
        }
        return null;
    }

    internal const string OrphanFix =
        "When a Preserve has put an earlier ServerGroup\\ back, this is typically a file the install added under the root Preserve displaced. " +
        "Fix: regenerate it under the current Server Group (IC Setup Assistant), or restore the pre-install snapshot; Preserve never deletes it";

    private static string Describe(X509Certificate c) => Pki.Reading.PkiDescriber.DescribeName(c.SubjectDN).OneLine;
}
