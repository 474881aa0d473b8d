using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>The private key of each set belongs to the set's certificate; sets IC needs a key for have one.</summary>
public sealed class KeyMatchRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        foreach (var set in context.Layout.Sets.Where(s => s.Certificate is not null))
        {
            if (set.PrivateKey is null)
            {
                if (set.Role is CertificateRole.ServerGroup or CertificateRole.CertificateAuthority or CertificateRole.LocalSubsystem or CertificateRole.Line)
                    yield return new Observation(FindingCode.KeyMissing, set.Certificate!,
                        $"no private key next to it (expected {Path.GetFileName(set.Certificate!).Replace("Certificate.", "PrivateKey.").Replace(".cer", ".bin")}): copy the key that belongs to this certificate");
                continue;
            }
            foreach (var o in RuleGuard.Run(set.Certificate!, () => Match(context, set)))
                yield return o;
        }
    }

    private static IEnumerable<Observation> Match(ValidationContext context, CertificateSet set)
    {
        var cert = context.Files.Certificates(set.Certificate!).FirstOrDefault();
        var key = context.Files.PrivateKey(set.PrivateKey!);
        if (cert is null || key is null) yield break; // CertificateRule reports unreadable files.
        if (!KeyMatcher.Matches(key, cert))
            yield return new Observation(FindingCode.KeyMismatch, set.PrivateKey!,
                $"this private key does not belong to {set.Certificate}: put back the key generated with the certificate's CSR (CSRs folder or a snapshot)");
    }
}
