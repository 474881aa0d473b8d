using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CertInstaller.Core.Pki.Signatures;

// RSA PKCS#1 v1.5 and PSS on the platform, with BouncyCastle's leniencies kept.
public sealed partial class BclSignatureVerifier
{
    private sealed class RsaSigned(RsaKeyParameters key, byte[] data, byte[] signature, Hash hash, RSASignaturePadding padding) : Signed
    {
        public override bool Verify(BclSignatureVerifier verifier)
        {
            var length = (key.Modulus.BitLength + 7) / 8;
            if (signature.Length > length)
            {
                return false; // BouncyCastle refuses input longer than the modulus
            }

            var padded = LeftPad(signature, length);
            if (verifier.WithKey(key, () => NativeRsa.Import(key.Modulus.ToByteArrayUnsigned(), key.Exponent.ToByteArrayUnsigned()),
                    rsa => rsa.VerifyData(data, padded, hash.Name, padding)))
            {
                return true;
            }

            return padding == RSASignaturePadding.Pkcs1 && VerifiesWithoutNullParameters(padded);
        }

        // BouncyCastle also accepts a DigestInfo whose AlgorithmIdentifier omits the NULL parameters; OpenSSL and CNG
        // do not. Only a signature the platform refused is checked for that form: the public operation, in managed code.
        private bool VerifiesWithoutNullParameters(byte[] padded)
        {
            var s = new BigInteger(1, padded);
            if (s.CompareTo(key.Modulus) >= 0)
            {
                return false;
            }

            var k = padded.Length;
            var block = LeftPad(s.ModPow(key.Exponent, key.Modulus).ToByteArrayUnsigned(), k);
            var digestInfo = new DigestInfo(new AlgorithmIdentifier(hash.Oid), Digest(hash.Name, data)).GetEncoded(Asn1Encodable.Der);
            var fill = k - 3 - digestInfo.Length;
            if (fill < 8 || block[0] != 0 || block[1] != 1 || block[2 + fill] != 0)
            {
                return false;
            }

            var same = 0;
            for (var i = 2; i < 2 + fill; i++)
            {
                same |= block[i] ^ 0xFF;
            }

            for (var i = 0; i < digestInfo.Length; i++)
            {
                same |= block[3 + fill + i] ^ digestInfo[i];
            }

            return same == 0;
        }
    }
}

/// <summary>The BCL's RSA verification: the one place that touches System.Security.Cryptography's RSA (the probe uses it too).</summary>
internal static class NativeRsa
{
    public static RSA Import(byte[] modulus, byte[] exponent)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = exponent });
        return rsa;
    }

    public static bool Verify(byte[] modulus, byte[] exponent, byte[] data, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        using var rsa = Import(modulus, exponent);
        return rsa.VerifyData(data, signature, hash, padding);
    }
}
