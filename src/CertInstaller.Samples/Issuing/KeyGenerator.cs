using System.Text;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace CertInstaller.Samples.Issuing;

/// <summary>Generates key pairs, at random or deterministically from a seed string (for fixtures).</summary>
public static class KeyGenerator
{
    /// <summary>Generates a key pair; the same <paramref name="seed"/> always gives the same key.</summary>
    public static AsymmetricCipherKeyPair Generate(KeySpec spec, string? seed = null)
    {
        var random = seed is null ? new SecureRandom() : SeededRandom(seed);
        switch (spec.Kind)
        {
            case KeyKind.Rsa:
                var rsa = new RsaKeyPairGenerator();
                rsa.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), random, spec.Size, 80));
                return rsa.GenerateKeyPair();
            case KeyKind.Ec:
                var curve = spec.Size switch
                {
                    256 => SecObjectIdentifiers.SecP256r1,
                    384 => SecObjectIdentifiers.SecP384r1,
                    521 => SecObjectIdentifiers.SecP521r1,
                    _ => throw new ArgumentException($"unsupported EC curve size {spec.Size}; use 256, 384 or 521", nameof(spec)),
                };
                var ec = new ECKeyPairGenerator("EC");
                ec.Init(new ECKeyGenerationParameters(curve, random));
                return ec.GenerateKeyPair();
            case KeyKind.Ed25519:
                var ed = new Ed25519KeyPairGenerator();
                ed.Init(new Ed25519KeyGenerationParameters(random));
                return ed.GenerateKeyPair();
            default:
                throw new ArgumentException($"unsupported key kind {spec.Kind}", nameof(spec));
        }
    }

    /// <summary>A deterministic random source derived from <paramref name="seed"/>.</summary>
    public static SecureRandom SeededRandom(string seed)
    {
        var generator = new DigestRandomGenerator(new Sha256Digest());
        generator.AddSeedMaterial(Encoding.UTF8.GetBytes(seed));
        return new SecureRandom(generator);
    }
}
