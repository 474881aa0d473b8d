namespace CertInstaller.Core.Pki.Reading;

/// <summary>One attribute of a distinguished name: OpenSSL short name ("OU") or dotted OID, the OID, and the value.</summary>
public sealed record NameAttribute(string Type, string Oid, string Value);

/// <summary>A distinguished name as OpenSSL prints it on one line ("C = US, O = X, CN = y") and its attributes in encoding order.</summary>
public sealed record NameDescription(string OneLine, IReadOnlyList<NameAttribute> Attributes)
{
    /// <summary>Values of every attribute of <paramref name="type"/> (e.g. "OU"), in order.</summary>
    public IReadOnlyList<string> ValuesOf(string type) =>
        Attributes.Where(a => string.Equals(a.Type, type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Value).ToList();
}

/// <summary>A public key: algorithm ("RSA", "EC", "Ed25519", ...), size in bits, and the curve for EC ("P-256").</summary>
public sealed record PublicKeyDescription(string Algorithm, int Bits, string? Curve);

/// <summary>A signature algorithm: OpenSSL's name ("sha256WithRSAEncryption"), its OID and its digest.</summary>
public sealed record SignatureDescription(string Algorithm, string Oid, DigestAlgorithm Digest);

/// <summary>Basic constraints: whether the subject is a CA and its path length limit (null = none).</summary>
public sealed record BasicConstraintsDescription(bool IsCa, int? PathLength);

/// <summary>SHA-1 and SHA-256 fingerprints of the DER encoding, lowercase hex without separators.</summary>
public sealed record Fingerprints(string Sha1, string Sha256);

/// <summary>Everything CertInstaller reports about a certificate.</summary>
public sealed record CertificateDescription(
    NameDescription Subject,
    NameDescription Issuer,
    string Serial,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlyList<SubjectAltName> Sans,
    PublicKeyDescription PublicKey,
    SignatureDescription Signature,
    BasicConstraintsDescription? BasicConstraints,
    KeyUsageFlags? KeyUsage,
    IReadOnlyList<string> ExtendedKeyUsages,
    string? SubjectKeyId,
    string? AuthorityKeyId,
    bool SelfIssued,
    Fingerprints Fingerprints);

/// <summary>Everything CertInstaller reports about a CSR, including whether its self-signature verifies.</summary>
public sealed record CsrDescription(
    NameDescription Subject,
    IReadOnlyList<SubjectAltName> Sans,
    PublicKeyDescription PublicKey,
    SignatureDescription Signature,
    bool SignatureValid,
    IReadOnlyList<string> RequestedExtensions,
    IReadOnlyList<string> ExtendedKeyUsages,
    Fingerprints Fingerprints);

/// <summary>
/// How a PKCS#12 (PFX) file is protected and labelled, read from its unencrypted structure: the friendly names of its
/// key bags, the key and certificate encryption (OpenSSL's names, e.g. "PBES2, PBKDF2 hmacWithSHA256, AES-256-CBC,
/// 2048 iterations" or "pbeWithSHA1And3-KeyTripleDES-CBC"), and the MAC digest. Null members were not found.
/// </summary>
public sealed record Pkcs12Description(
    IReadOnlyList<string> FriendlyNames,
    string? KeyEncryption,
    string? CertificateEncryption,
    string? MacDigest,
    int? MacIterations);
