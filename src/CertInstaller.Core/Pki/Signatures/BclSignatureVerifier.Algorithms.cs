using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CertInstaller.Core.Pki.Signatures;

// The algorithms the native path takes (everything else goes to the fallback), and the byte helpers both key types use.
public sealed partial class BclSignatureVerifier
{
    internal sealed record Hash(HashAlgorithmName Name, DerObjectIdentifier Oid, int Length);

    private static readonly Hash Sha1 = new(HashAlgorithmName.SHA1, OiwObjectIdentifiers.IdSha1, 20);
    private static readonly Hash Sha256 = new(HashAlgorithmName.SHA256, NistObjectIdentifiers.IdSha256, 32);
    private static readonly Hash Sha384 = new(HashAlgorithmName.SHA384, NistObjectIdentifiers.IdSha384, 48);
    private static readonly Hash Sha512 = new(HashAlgorithmName.SHA512, NistObjectIdentifiers.IdSha512, 64);

    private static readonly Dictionary<string, Hash> Hashes = new(StringComparer.Ordinal)
    {
        [Sha1.Oid.Id] = Sha1, [Sha256.Oid.Id] = Sha256, [Sha384.Oid.Id] = Sha384, [Sha512.Oid.Id] = Sha512,
    };

    private static readonly Dictionary<string, Hash> RsaPkcs1 = new(StringComparer.Ordinal)
    {
        [PkcsObjectIdentifiers.Sha1WithRsaEncryption.Id] = Sha1, [PkcsObjectIdentifiers.Sha256WithRsaEncryption.Id] = Sha256,
        [PkcsObjectIdentifiers.Sha384WithRsaEncryption.Id] = Sha384, [PkcsObjectIdentifiers.Sha512WithRsaEncryption.Id] = Sha512,
    };

    private static readonly Dictionary<string, Hash> Ecdsa = new(StringComparer.Ordinal)
    {
        [X9ObjectIdentifiers.ECDsaWithSha1.Id] = Sha1, [X9ObjectIdentifiers.ECDsaWithSha256.Id] = Sha256,
        [X9ObjectIdentifiers.ECDsaWithSha384.Id] = Sha384, [X9ObjectIdentifiers.ECDsaWithSha512.Id] = Sha512,
    };

    private static readonly Dictionary<string, ECCurve> Curves = new(StringComparer.Ordinal)
    {
        [SecObjectIdentifiers.SecP256r1.Id] = ECCurve.NamedCurves.nistP256,
        [SecObjectIdentifiers.SecP384r1.Id] = ECCurve.NamedCurves.nistP384,
        [SecObjectIdentifiers.SecP521r1.Id] = ECCurve.NamedCurves.nistP521,
    };

    private static byte[] LeftPad(byte[] value, int length)
    {
        if (value.Length >= length)
        {
            return value;
        }

        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        return padded;
    }

    private static byte[] Digest(HashAlgorithmName name, byte[] data)
    {
        using HashAlgorithm algorithm = name == HashAlgorithmName.SHA1 ? SHA1.Create()
            : name == HashAlgorithmName.SHA256 ? SHA256.Create()
            : name == HashAlgorithmName.SHA384 ? SHA384.Create()
            : SHA512.Create();
        return algorithm.ComputeHash(data);
    }
}
