using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace CertInstaller.Core.Pki;

/// <summary>Derives public keys from private keys and tells whether a private key matches a public key.</summary>
public static class KeyMatcher
{
    /// <summary>The public half of <paramref name="privateKey"/> (RSA CRT, EC or Ed25519/Ed448).</summary>
    public static AsymmetricKeyParameter PublicOf(AsymmetricKeyParameter privateKey) => privateKey switch
    {
        RsaPrivateCrtKeyParameters rsa => new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
        ECPrivateKeyParameters ec => ec.PublicKeyParamSet is not null
            ? new ECPublicKeyParameters(ec.AlgorithmName, ec.Parameters.G.Multiply(ec.D).Normalize(), ec.PublicKeyParamSet)
            : new ECPublicKeyParameters(ec.AlgorithmName, ec.Parameters.G.Multiply(ec.D).Normalize(), ec.Parameters),
        Ed25519PrivateKeyParameters ed => ed.GeneratePublicKey(),
        Ed448PrivateKeyParameters ed => ed.GeneratePublicKey(),
        _ => throw new ArgumentException($"cannot derive the public key of a {privateKey.GetType().Name}", nameof(privateKey)),
    };

    /// <summary>True when <paramref name="privateKey"/> belongs to <paramref name="certificate"/>; false when the
    /// certificate's key cannot even be decoded.</summary>
    public static bool Matches(AsymmetricKeyParameter privateKey, Org.BouncyCastle.X509.X509Certificate certificate)
    {
        try
        {
            return LocalKeys.Parse(() => Matches(privateKey, certificate.GetPublicKey()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="privateKey"/> is the private half of <paramref name="publicKey"/>.</summary>
    public static bool Matches(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey)
    {
        switch (privateKey, publicKey)
        {
            case (RsaPrivateCrtKeyParameters rsa, RsaKeyParameters pub):
                return rsa.Modulus.Equals(pub.Modulus) && rsa.PublicExponent.Equals(pub.Exponent);
            case (RsaKeyParameters rsa, RsaKeyParameters pub):
                return rsa.Modulus.Equals(pub.Modulus);
            case (ECPrivateKeyParameters ec, ECPublicKeyParameters pub):
                return ec.Parameters.Curve.Equals(pub.Parameters.Curve)
                    && ec.Parameters.G.Multiply(ec.D).Normalize().Equals(pub.Q.Normalize());
            case (Ed25519PrivateKeyParameters ed, Ed25519PublicKeyParameters pub):
                return ed.GeneratePublicKey().GetEncoded().AsSpan().SequenceEqual(pub.GetEncoded());
            case (Ed448PrivateKeyParameters ed, Ed448PublicKeyParameters pub):
                return ed.GeneratePublicKey().GetEncoded().AsSpan().SequenceEqual(pub.GetEncoded());
            default:
                return false;
        }
    }
}
