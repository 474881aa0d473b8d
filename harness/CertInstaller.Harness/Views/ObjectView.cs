namespace CertInstaller.Harness.Views;

/// <summary>One PKI object as shown by inspect (and nested in csr, pkcs12 and pkcs7 views); null members are not shown.</summary>
public sealed record ObjectView
{
    public string? File { get; init; }
    public int? Index { get; init; }
    public required string Kind { get; init; }
    public string? Encoding { get; init; }
    public string? Format { get; init; }
    public string? Subject { get; init; }
    public IReadOnlyList<AttributeView>? SubjectAttributes { get; init; }
    public string? Issuer { get; init; }
    public string? Serial { get; init; }
    public string? NotBefore { get; init; }
    public string? NotAfter { get; init; }
    public IReadOnlyList<SanView>? Sans { get; init; }
    public PublicKeyView? PublicKey { get; init; }
    public SignatureView? Signature { get; init; }
    public bool? SignatureValid { get; init; }
    public IReadOnlyList<string>? RequestedExtensions { get; init; }
    public BasicConstraintsView? BasicConstraints { get; init; }
    public IReadOnlyList<string>? KeyUsage { get; init; }
    public IReadOnlyList<string>? ExtendedKeyUsage { get; init; }
    public string? SubjectKeyId { get; init; }
    public string? AuthorityKeyId { get; init; }
    public bool? SelfIssued { get; init; }
    public FingerprintsView? Fingerprints { get; init; }
    public IReadOnlyList<string>? MatchingCertificates { get; init; }
    public bool? KeyMatchesCertificate { get; init; }
    /// <summary>PKCS#12: whether the file holds a private key at all ("no key" rather than "key matches: NO").</summary>
    public bool? HasKey { get; init; }
    /// <summary>PKCS#12: the friendly name of the key entry (what the Windows store shows).</summary>
    public string? FriendlyName { get; init; }
    /// <summary>PKCS#12: how the key and certificates are encrypted, and the MAC.</summary>
    public Pkcs12EncryptionView? Encryption { get; init; }
    public IReadOnlyList<ObjectView>? Certificates { get; init; }
    public IReadOnlyList<ObjectView>? Keys { get; init; }
}

/// <summary>A name attribute.</summary>
public sealed record AttributeView(string Type, string Value);

/// <summary>A SAN entry: type dns, ip, email, uri or other.</summary>
public sealed record SanView(string Type, string Value);

/// <summary>A public key.</summary>
public sealed record PublicKeyView(string Algorithm, int Bits, string? Curve);

/// <summary>A signature algorithm (OpenSSL name) and its digest ("SHA-256").</summary>
public sealed record SignatureView(string Algorithm, string Digest);

/// <summary>Basic constraints.</summary>
public sealed record BasicConstraintsView(bool Ca, int? PathLength);

/// <summary>Fingerprints, lowercase hex.</summary>
public sealed record FingerprintsView(string Sha1, string Sha256);
