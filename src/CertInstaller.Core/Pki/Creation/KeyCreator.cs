using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>Generates the real key pairs an administrator sends CSRs for: from the system's secure random source, never seeded.</summary>
public static class KeyCreator
{
    /// <summary>A new key pair of <paramref name="type"/>; EC keys carry their named curve (as openssl writes them).</summary>
    public static AsymmetricCipherKeyPair Generate(KeyType type)
    {
        var random = new SecureRandom();
        if (type.Algorithm == "RSA")
        {
            var rsa = new RsaKeyPairGenerator();
            rsa.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), random, type.Bits, 112));
            return rsa.GenerateKeyPair();
        }

        var curve = type.Bits switch
        {
            256 => SecObjectIdentifiers.SecP256r1,
            384 => SecObjectIdentifiers.SecP384r1,
            _ => throw new ArgumentException($"unsupported EC key size {type.Bits}", nameof(type)),
        };
        var ec = new ECKeyPairGenerator("EC");
        ec.Init(new ECKeyGenerationParameters(curve, random));
        return ec.GenerateKeyPair();
    }

    /// <summary>The key pair of an existing private key (its public half derived), for reusing a key in a new CSR.</summary>
    public static AsymmetricCipherKeyPair PairOf(AsymmetricKeyParameter privateKey) =>
        new(KeyMatcher.PublicOf(privateKey), privateKey);
}
