using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CertInstaller.Core.Pki.Signatures;

/// <summary>
/// Verifies with the platform's own cryptography (System.Security.Cryptography) what it was detected to do well:
/// RSA PKCS#1 v1.5 and PSS, ECDSA on P-256/384/521, with SHA-1/256/384/512. Everything else (Ed25519 and Ed448, which the
/// BCL does not offer; DSA; MD2/MD4/MD5 and SHA-224; other curves; unusual PSS parameters; any certificate whose
/// structure is unusual) goes to the fallback by design, and so does a call the platform fails with an error.
/// A bad signature never goes to the fallback: it is false here.
/// </summary>
/// <remarks>
/// The verdicts are BouncyCastle's, deliberately, also where BouncyCastle is more lenient than OpenSSL: an RSA signature
/// shorter than the modulus (leading zero bytes dropped) and a PKCS#1 DigestInfo without the NULL parameters verify.
/// Keys come from BouncyCastle's <see cref="X509Certificate.GetPublicKey"/>, so a key BouncyCastle refuses (even or
/// prime RSA modulus, point off the curve) fails here too; it caches the key on the certificate object.
/// Importing a key into the platform costs more than verifying with it (about 100 µs against 30 µs for RSA 2048 on
/// OpenSSL), so an instance keeps the imported keys of the issuers it has seen: one instance per run (a
/// <see cref="Chains.SignatureCache"/> makes its own), never process-wide. A platform key object is used by one thread at a time.
/// </remarks>
public sealed class BclSignatureVerifier : ISignatureVerifier
{
    private readonly NativeCapabilities _capabilities;
    private readonly ISignatureVerifier _fallback;
    private readonly ConcurrentDictionary<Org.BouncyCastle.Crypto.AsymmetricKeyParameter, ConcurrentBag<IDisposable>> _keys = new();

    /// <summary>A verifier that runs natively what <paramref name="capabilities"/> allows and sends the rest to <paramref name="fallback"/>.</summary>
    public BclSignatureVerifier(NativeCapabilities capabilities, ISignatureVerifier fallback)
    {
        _capabilities = capabilities;
        _fallback = fallback;
    }

    /// <inheritdoc/>
    public string Name => "bcl";

    /// <summary>The native capabilities this verifier uses.</summary>
    public NativeCapabilities Capabilities => _capabilities;

    /// <inheritdoc/>
    public bool Verifies(X509Certificate issuer, X509Certificate subject)
    {
        var verdict = TryVerify(issuer, subject);
        return verdict ?? _fallback.Verifies(issuer, subject);
    }

    /// <summary>The native verdict, or null when this signature is not for the native path (or the platform failed on it).</summary>
    internal bool? TryVerify(X509Certificate issuer, X509Certificate subject)
    {
        Signed? signed;
        try
        {
            signed = Prepare(issuer, subject);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // an unusual structure: BouncyCastle gives its verdict
        }

        if (signed is null)
        {
            return null;
        }

        try
        {
            return signed.Verify(this);
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException or NotSupportedException
                                      or TypeLoadException or DllNotFoundException or EntryPointNotFoundException)
        {
            // A platform error (a key size CNG refuses, a missing provider): this one signature goes to the fallback.
            Trace.WriteLine($"signatures: {_fallback.Name} verified one signature the platform failed on: {e.Message}", "CertInstaller");
            return null;
        }
    }

    private Signed? Prepare(X509Certificate issuer, X509Certificate subject)
    {
        var structure = subject.CertificateStructure;
        var algorithm = structure.SignatureAlgorithm;
        if (!algorithm.Equals(structure.TbsCertificate.Signature) || structure.Signature.PadBits != 0)
        {
            return null;
        }

        var oid = algorithm.Algorithm.Id;
        if (RsaPkcs1.TryGetValue(oid, out var pkcs1Hash))
        {
            return _capabilities.RsaPkcs1 && IsAbsentOrNull(algorithm.Parameters) && issuer.GetPublicKey() is RsaKeyParameters { IsPrivate: false } rsa
                ? new RsaSigned(rsa, Tbs(structure), structure.Signature.GetOctets(), pkcs1Hash, RSASignaturePadding.Pkcs1)
                : null;
        }

        if (oid == PkcsObjectIdentifiers.IdRsassaPss.Id)
        {
            return _capabilities.RsaPss && PssHash(algorithm.Parameters) is { } pssHash && issuer.GetPublicKey() is RsaKeyParameters { IsPrivate: false } rsa
                ? new RsaSigned(rsa, Tbs(structure), structure.Signature.GetOctets(), pssHash, RSASignaturePadding.Pss)
                : null;
        }

        if (Ecdsa.TryGetValue(oid, out var ecdsaHash))
        {
            return _capabilities.Ecdsa && algorithm.Parameters is null && issuer.GetPublicKey() is ECPublicKeyParameters { IsPrivate: false } ec
                   && ec.PublicKeyParamSet is { } curveOid && Curves.TryGetValue(curveOid.Id, out var curve)
                ? new EcdsaSigned(ec, curve, Tbs(structure), structure.Signature.GetOctets(), ecdsaHash)
                : null;
        }

        return null;
    }

    // BouncyCastle verifies the DER encoding of the parsed TBSCertificate; so does this verifier.
    private static byte[] Tbs(X509CertificateStructure structure) => structure.TbsCertificate.GetEncoded(Asn1Encodable.Der);

    private static bool IsAbsentOrNull(Asn1Encodable? parameters) => parameters is null || parameters.ToAsn1Object() is Asn1Null;

    /// <summary>The digest of PSS parameters the BCL verifies (MGF1 with the same digest, salt as long as the digest, trailer 1), else null.</summary>
    private static Hash? PssHash(Asn1Encodable? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var pss = RsassaPssParameters.GetInstance(parameters);
        if (!Hashes.TryGetValue(pss.HashAlgorithm.Algorithm.Id, out var hash) || !IsAbsentOrNull(pss.HashAlgorithm.Parameters)
            || !pss.MaskGenAlgorithm.Algorithm.Equals(PkcsObjectIdentifiers.IdMgf1)
            || pss.TrailerField.IntValueExact != 1 || pss.SaltLength.IntValueExact != hash.Length)
        {
            return null;
        }

        var mgfHash = AlgorithmIdentifier.GetInstance(pss.MaskGenAlgorithm.Parameters);
        return mgfHash.Algorithm.Equals(pss.HashAlgorithm.Algorithm) && IsAbsentOrNull(mgfHash.Parameters) ? hash : null;
    }

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

    /// <summary>Runs <paramref name="verify"/> with a platform key for <paramref name="key"/>: one of this run's, or a new one.</summary>
    private bool WithKey<TKey>(Org.BouncyCastle.Crypto.AsymmetricKeyParameter key, Func<TKey> create, Func<TKey, bool> verify)
        where TKey : class, IDisposable
    {
        var pool = _keys.GetOrAdd(key, _ => new ConcurrentBag<IDisposable>());
        var platformKey = pool.TryTake(out var pooled) ? (TKey)pooled : create();
        var verdict = verify(platformKey);
        pool.Add(platformKey);
        return verdict;
    }

    private abstract class Signed
    {
        public abstract bool Verify(BclSignatureVerifier verifier);
    }

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

/// <summary>The BCL's ECDSA verification (IEEE P1363 signature): the one place that touches System.Security.Cryptography's ECDsa.</summary>
internal static class NativeEcdsa
{
    public static bool Verify(ECParameters parameters, byte[] data, byte[] signature, HashAlgorithmName hash)
    {
        using var ecdsa = ECDsa.Create(parameters);
        return ecdsa.VerifyData(data, signature, hash);
    }
}
