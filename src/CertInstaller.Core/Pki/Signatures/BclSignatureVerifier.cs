using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

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
public sealed partial class BclSignatureVerifier : ISignatureVerifier
{
    private readonly NativeCapabilities _capabilities;
    private readonly ISignatureVerifier _fallback;
    private readonly ConcurrentDictionary<Org.BouncyCastle.Crypto.AsymmetricKeyParameter, ConcurrentBag<IDisposable>> _keys = new();

    // One key build per issuer (BouncyCastle caches the key on the certificate object, but threads that ask at once would
    // each build it), without the Miller-Rabin proof of the modulus (see LocalKeys).
    private readonly ConcurrentDictionary<X509Certificate, Lazy<Org.BouncyCastle.Crypto.AsymmetricKeyParameter>> _issuerKeys = new();

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
            return _capabilities.RsaPkcs1 && IsAbsentOrNull(algorithm.Parameters) && IssuerKey(issuer) is RsaKeyParameters { IsPrivate: false } rsa
                ? new RsaSigned(rsa, Tbs(structure), structure.Signature.GetOctets(), pkcs1Hash, RSASignaturePadding.Pkcs1)
                : null;
        }

        if (oid == PkcsObjectIdentifiers.IdRsassaPss.Id)
        {
            return _capabilities.RsaPss && PssHash(algorithm.Parameters) is { } pssHash && IssuerKey(issuer) is RsaKeyParameters { IsPrivate: false } rsa
                ? new RsaSigned(rsa, Tbs(structure), structure.Signature.GetOctets(), pssHash, RSASignaturePadding.Pss)
                : null;
        }

        if (Ecdsa.TryGetValue(oid, out var ecdsaHash))
        {
            return _capabilities.Ecdsa && algorithm.Parameters is null && IssuerKey(issuer) is ECPublicKeyParameters { IsPrivate: false } ec
                   && ec.PublicKeyParamSet is { } curveOid && Curves.TryGetValue(curveOid.Id, out var curve)
                ? new EcdsaSigned(ec, curve, Tbs(structure), structure.Signature.GetOctets(), ecdsaHash)
                : null;
        }

        return null;
    }

    private Org.BouncyCastle.Crypto.AsymmetricKeyParameter IssuerKey(X509Certificate issuer) =>
        _issuerKeys.GetOrAdd(issuer, c => new Lazy<Org.BouncyCastle.Crypto.AsymmetricKeyParameter>(() => LocalKeys.Parse(c.GetPublicKey))).Value;

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
}
