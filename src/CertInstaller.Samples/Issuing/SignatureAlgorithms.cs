using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace CertInstaller.Samples.Issuing;

/// <summary>Maps a digest and a signing key to BouncyCastle's signature algorithm name.</summary>
internal static class SignatureAlgorithms
{
    public static string NameFor(DigestAlgorithm digest, AsymmetricKeyParameter signingKey, bool pss)
    {
        var d = digest switch
        {
            DigestAlgorithm.Md5 => "MD5",
            DigestAlgorithm.Sha1 => "SHA1",
            DigestAlgorithm.Sha224 => "SHA224",
            DigestAlgorithm.Sha256 => "SHA256",
            DigestAlgorithm.Sha384 => "SHA384",
            DigestAlgorithm.Sha512 => "SHA512",
            _ => throw new ArgumentException($"cannot sign with digest {digest.ToDisplayName()}", nameof(digest)),
        };
        return signingKey switch
        {
            RsaKeyParameters when pss => d + "WITHRSAANDMGF1",
            RsaKeyParameters => d + "WITHRSA",
            ECPrivateKeyParameters when digest != DigestAlgorithm.Md5 => d + "WITHECDSA",
            Ed25519PrivateKeyParameters => "Ed25519",
            _ => throw new ArgumentException($"cannot sign with {digest.ToDisplayName()} and a {signingKey.GetType().Name}", nameof(signingKey)),
        };
    }
}
