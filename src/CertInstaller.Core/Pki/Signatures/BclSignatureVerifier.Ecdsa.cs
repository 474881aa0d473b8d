using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CertInstaller.Core.Pki.Signatures;

// ECDSA on P-256/384/521 on the platform, with BouncyCastle's strict DER reading of (r, s).
public sealed partial class BclSignatureVerifier
{
    private sealed class EcdsaSigned(ECPublicKeyParameters key, ECCurve curve, byte[] data, byte[] signature, Hash hash) : Signed
    {
        public override bool Verify(BclSignatureVerifier verifier)
        {
            var order = key.Parameters.N;
            var size = (order.BitLength + 7) / 8;
            if (ToIeeeP1363(signature, order, size) is not { } p1363)
            {
                return false;
            }

            return verifier.WithKey(key, () =>
            {
                var q = key.Q.Normalize();
                return ECDsa.Create(new ECParameters
                {
                    Curve = curve,
                    Q = new ECPoint { X = LeftPad(q.AffineXCoord.ToBigInteger().ToByteArrayUnsigned(), size), Y = LeftPad(q.AffineYCoord.ToBigInteger().ToByteArrayUnsigned(), size) },
                });
            }, ecdsa => ecdsa.VerifyData(data, p1363, hash.Name));
        }

        // The DER SEQUENCE { r, s } as BouncyCastle's StandardDsaEncoding reads it: exactly two INTEGERs in [0, n), and
        // the bytes must be their DER encoding (no BER lengths, no leading zeros, no trailing data); else the signature is bad.
        private static byte[]? ToIeeeP1363(byte[] der, BigInteger order, int size)
        {
            Asn1Sequence sequence;
            try
            {
                sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(der));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
            {
                return null;
            }

            if (sequence.Count != 2 || sequence[0] is not DerInteger rInteger || sequence[1] is not DerInteger sInteger)
            {
                return null;
            }

            var (r, s) = (rInteger.Value, sInteger.Value);
            if (r.SignValue <= 0 || s.SignValue <= 0 || r.CompareTo(order) >= 0 || s.CompareTo(order) >= 0)
            {
                return null;
            }

            var canonical = new DerSequence(new DerInteger(r), new DerInteger(s)).GetEncoded(Asn1Encodable.Der);
            if (!canonical.AsSpan().SequenceEqual(der))
            {
                return null;
            }

            var p1363 = new byte[2 * size];
            LeftPad(r.ToByteArrayUnsigned(), size).CopyTo(p1363, 0);
            LeftPad(s.ToByteArrayUnsigned(), size).CopyTo(p1363, size);
            return p1363;
        }
    }
}

/// <summary>The BCL's ECDSA verification (IEEE P1363 signature): the one place that touches System.Security.Cryptography's ECDsa.</summary>
internal static class NativeEcdsa
{
    public static bool Verify(ECParameters parameters, byte[] data, byte[] signature, HashAlgorithmName hash)
    {
        using var ecdsa = ECDsa.Create(parameters);
        return ecdsa.VerifyData(data, signature, hash);
    }
}
