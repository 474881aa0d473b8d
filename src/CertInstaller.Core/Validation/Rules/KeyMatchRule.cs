using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>The private key of each set belongs to the set's certificate; sets IC needs a key for have one; a set's
/// *PublicKey.bin (SubjectPublicKeyInfo or PKCS#1 RSAPublicKey, PEM or DER) is the public half of both.</summary>
public sealed class KeyMatchRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        // The CSRs work area is CsrAreaRule's, at warning level.
        foreach (var set in context.Layout.Sets.Where(s => s.Certificate is not null && s.Role != CertificateRole.CsrWorkArea))
        {
            foreach (var o in RuleGuard.Run(set.PublicKey ?? set.Certificate!, () => PublicKey(context, set)))
                yield return o;
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

    private static IEnumerable<Observation> PublicKey(ValidationContext context, CertificateSet set)
    {
        if (set.PublicKey is null) yield break;
        var publicKey = context.Files.PublicKey(set.PublicKey);
        if (publicKey is null) yield break; // unreadable or not a public key: CertificateRule reports it
        var cert = context.Files.Certificates(set.Certificate!).FirstOrDefault();
        if (cert is not null && !SamePublicKey(LocalKeys.Parse(cert.GetPublicKey), publicKey))
        {
            yield return new Observation(FindingCode.PublicKeyMismatch, set.PublicKey,
                $"this public key is not the public key of {set.Certificate}: it belongs to another key pair. Fix: export it again from the certificate's key " +
                $"(openssl pkey -in {Path.GetFileName(set.PrivateKey ?? "<private key>")} -pubout) or restore it from a snapshot");
            yield break;
        }
        var privateKey = set.PrivateKey is null ? null : context.Files.PrivateKey(set.PrivateKey);
        if (privateKey is not null && !KeyMatcher.Matches(privateKey, publicKey))
            yield return new Observation(FindingCode.PublicKeyMismatch, set.PublicKey,
                $"this public key is not the public half of {set.PrivateKey}: export it again from that key (openssl pkey -pubout) or restore it from a snapshot");
    }

    /// <summary>True when two public keys are the same key (RSA modulus and exponent, EC point, Ed25519/Ed448 bytes).</summary>
    internal static bool SamePublicKey(Org.BouncyCastle.Crypto.AsymmetricKeyParameter a, Org.BouncyCastle.Crypto.AsymmetricKeyParameter b)
    {
        try
        {
            return LocalKeys.Parse(() => Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(a).GetDerEncoded()
                .AsSpan().SequenceEqual(Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(b).GetDerEncoded()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
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
