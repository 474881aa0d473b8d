using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>
/// Usage per slot, read from the certificate itself: where an extended key usage is present, Server slots and HTTPS
/// need serverAuth, Client slots clientAuth, the single third-party certificate mode both; where a key usage is present
/// it must allow TLS (digitalSignature, keyEncipherment or keyAgreement). The EKU is an error (as import-check judges it); the key usage a warning, an error under --strict.
/// </summary>
/// <remarks>The chain builder gets the same purpose through <see cref="ChainRequest.Purpose"/>; this rule does not
/// depend on the builder honouring it.</remarks>
public sealed class UsageRule : IFolderRule
{
    private const string AnyExtendedKeyUsage = "2.5.29.37.0";

    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        // The Server Group slot counts in single third-party certificate mode (an outside CA issued it): its EKU, when
        // present, constrains every certificate IC issues under it, so it must allow both uses.
        foreach (var slot in context.Slots.Slots.Where(s => s.Role != CertificateRole.CertificateAuthority
                                                             && (s.Role != CertificateRole.ServerGroup || s.Purpose != ChainPurpose.Any)))
            foreach (var o in RuleGuard.Run(slot.Path, () => Usage(context, slot)))
                yield return o;
    }

    private static IEnumerable<Observation> Usage(ValidationContext context, CertificateSlot slot)
    {
        var certificates = context.Files.Certificates(slot.Path);
        if (certificates.Count == 0) yield break;
        var leaf = LeafSelector.Select(certificates);
        var d = PkiDescriber.Describe(leaf);
        var ca = d.BasicConstraints?.IsCa == true;
        if (ca && slot.Role != CertificateRole.ServerGroup) yield break;
        var needed = slot.Purpose switch
        {
            ChainPurpose.Server => new[] { ExtendedKeyUsages.ServerAuth },
            ChainPurpose.Client => [ExtendedKeyUsages.ClientAuth],
            ChainPurpose.ServerAndClient => [ExtendedKeyUsages.ServerAuth, ExtendedKeyUsages.ClientAuth],
            _ => [],
        };
        var ekus = d.ExtendedKeyUsages;
        if (ekus.Count > 0 && needed.Length > 0 && !ekus.Any(e => e == AnyExtendedKeyUsage || e == "anyExtendedKeyUsage"))
        {
            var missing = needed.Where(n => !ekus.Any(e => string.Equals(e, n, StringComparison.OrdinalIgnoreCase) || e == ExtendedKeyUsages.ToOid(n))).ToList();
            if (missing.Count > 0)
                yield return new Observation(FindingCode.ExtendedKeyUsageWrong, slot.Path,
                    $"{d.Subject.OneLine} sits in a {SlotName(slot)} slot, which needs {string.Join(" and ", needed)}, but its extended key usage is " +
                    $"[{string.Join(", ", ekus.Select(ExtendedKeyUsages.ToName))}] (lacks {string.Join(", ", missing)}): request a certificate with " +
                    $"{string.Join(" and ", needed)} (IC's single third-party certificate needs both)");
        }
        if (!ca && d.KeyUsage is { } usage && usage != KeyUsageFlags.None
            && (usage & (KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment | KeyUsageFlags.KeyAgreement)) == 0)
            yield return new Observation(FindingCode.KeyUsageNotTls, slot.Path,
                $"{d.Subject.OneLine} has a key usage ({KeyUsageNames.Text(usage)}) that allows no TLS use: request a certificate with digitalSignature and keyEncipherment (RSA) or keyAgreement (EC)");
    }

    private static string SlotName(CertificateSlot slot) => slot.Purpose switch
    {
        ChainPurpose.ServerAndClient when slot.Role == CertificateRole.ServerGroup => "single third-party certificate (Server Group issued by an outside CA, for Server and Client)",
        ChainPurpose.ServerAndClient => "single third-party certificate (Server and Client)",
        _ when slot.IsHttps => "HTTPS (server)",
        ChainPurpose.Server => "Server",
        ChainPurpose.Client => "Client",
        _ => slot.UseType ?? "certificate",
    };
}
