using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Each certificate and key file reads, and each certificate is in date, signed with a strong digest and has a big enough key.</summary>
public sealed class CertificateRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        foreach (var entry in context.Layout.Entries.Where(IsPki))
        {
            var read = context.Files.Read(entry.RelativePath);
            if (read.Error is { } error)
            {
                yield return new Observation(FindingCode.UnreadableFile, entry.RelativePath, $"{error.Problem}: {error.Hint}");
                continue;
            }
            foreach (var o in RuleGuard.Run(entry.RelativePath, () => CheckCertificates(context, entry.RelativePath, read)))
                yield return o;
        }
    }

    private static IEnumerable<Observation> CheckCertificates(ValidationContext context, string path, ReadResult read)
    {
        foreach (var cert in read.Objects.OfType<CertificateObject>().Select(o => o.Certificate))
        {
            var d = PkiDescriber.Describe(cert);
            var who = d.Subject.OneLine;
            if (d.NotAfter < context.At)
                yield return new Observation(FindingCode.Expired, path,
                    $"{who} expired on {d.NotAfter:yyyy-MM-dd}: renew it with the issuing CA and replace the file");
            else if (d.NotBefore > context.At)
                yield return new Observation(FindingCode.NotYetValid, path,
                    $"{who} is not valid before {d.NotBefore:yyyy-MM-dd HH:mm}Z: check the server clock or the certificate");
            else if (d.NotAfter < context.At.AddDays(context.Policy.ExpiryWarningDays))
                yield return new Observation(FindingCode.ExpiringSoon, path,
                    $"{who} expires on {d.NotAfter:yyyy-MM-dd}, within {context.Policy.ExpiryWarningDays} days: renew it");
            if (!new DigestPolicy(context.Policy.MinDigest).Accepts(d.Signature.Digest))
                yield return new Observation(FindingCode.WeakDigest, path,
                    $"{who} is signed with {d.Signature.Digest.ToDisplayName()} ({d.Signature.Algorithm}), below {context.Policy.MinDigest.ToDisplayName()}: " +
                    "reissue it (IC: Manage certificate digests)");
            if (WeakKey(d.PublicKey, context.Policy) is { } weak)
                yield return new Observation(FindingCode.WeakKey, path, $"{who} has {weak}: reissue it with a larger key");
        }
    }

    private static bool IsPki(LayoutEntry e) =>
        e.Role is not (CertificateRole.MapFile or CertificateRole.LeftoverBackup or CertificateRole.Unknown)
        && (e.Part is not FilePart.Other || Path.GetExtension(e.RelativePath).ToLowerInvariant() is ".cer" or ".crt" or ".pem" or ".der" or ".key");

    private static string? WeakKey(PublicKeyDescription key, ValidationPolicy policy) => key.Algorithm switch
    {
        "RSA" when key.Bits < policy.MinRsaBits => $"an RSA {key.Bits}-bit key, below {policy.MinRsaBits}",
        "EC" when key.Bits < policy.MinEcBits => $"an EC {key.Bits}-bit key, below {policy.MinEcBits}",
        _ => null,
    };
}
