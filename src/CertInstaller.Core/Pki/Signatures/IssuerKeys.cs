using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Signatures;

/// <summary>A certificate's public key as BouncyCastle builds it (<see cref="X509Certificate.GetPublicKey"/>, cached on the
/// certificate), with the costly half of its RSA check done by the platform.</summary>
/// <remarks>
/// Before BouncyCastle builds an RSA key it proves the modulus composite with a Miller-Rabin test in managed code, tens of
/// milliseconds for 2048 bits and the largest single cost of a folder scan. A Fermat test proves the same thing: when
/// m^(n-1) mod n is not 1 for some 0 &lt; m &lt; n, n is composite. The platform computes it in microseconds, as a raw
/// public operation with exponent n-1 (a PKCS#1 v1.5 encryption of one byte: m is the padded block). When that proves the
/// modulus composite, the key is built with BouncyCastle's every other check (odd modulus, no small factor, odd exponent,
/// size) and only the Miller-Rabin test off (<see cref="LocalKeys"/>). Otherwise (a prime modulus, a platform that refuses
/// the exponent, anything unusual) BouncyCastle builds it with all its checks, so a key it refuses is refused here too.
/// </remarks>
internal static class IssuerKeys
{
    public static AsymmetricKeyParameter PublicKey(X509Certificate certificate) =>
        ProvablyCompositeModulus(certificate) ? LocalKeys.Parse(certificate.GetPublicKey) : certificate.GetPublicKey();

    internal static bool ProvablyCompositeModulus(X509Certificate certificate)
    {
        try
        {
            var info = certificate.CertificateStructure.SubjectPublicKeyInfo;
            if (!info.Algorithm.Algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption))
            {
                return false;
            }

            var modulus = RsaPublicKeyStructure.GetInstance(info.ParsePublicKey()).Modulus;
            if (modulus.SignValue <= 0 || modulus.BitLength < 512 || !modulus.TestBit(0))
            {
                return false; // BouncyCastle's own checks decide these
            }

            var exponent = modulus.Subtract(Org.BouncyCastle.Math.BigInteger.One);
            using var rsa = NativeRsa.Import(modulus.ToByteArrayUnsigned(), exponent.ToByteArrayUnsigned());
            var power = rsa.Encrypt([0x2A], RSAEncryptionPadding.Pkcs1);
            return new Org.BouncyCastle.Math.BigInteger(1, power).CompareTo(Org.BouncyCastle.Math.BigInteger.One) != 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false; // the platform refused (e.g. an exponent this large): BouncyCastle runs its full check
        }
    }
}
