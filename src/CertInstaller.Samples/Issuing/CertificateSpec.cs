namespace CertInstaller.Samples.Issuing;

/// <summary>
/// What to put in a certificate. <see cref="Subject"/> lists attributes in encoding order, the way OpenSSL prints
/// them ("C=US, O=Example, OU=IC, OU=Servers, CN=host"); repeated attributes keep their order.
/// </summary>
public sealed record CertificateSpec
{
    /// <summary>Subject distinguished name in encoding order, e.g. "C=US, O=Example, CN=host".</summary>
    public required string Subject { get; init; }

    /// <summary>Serial number (positive); null derives a stable one from the subject and validity.</summary>
    public long? Serial { get; init; }

    /// <summary>Start of validity; null means the start of yesterday (UTC).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>End of validity; null means two years after <see cref="NotBefore"/>.</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Subject alternative names; none means no SAN extension.</summary>
    public IReadOnlyList<SubjectAltName> Sans { get; init; } = [];

    /// <summary>Whether basic constraints say cA=TRUE (the extension is always written, critical).</summary>
    public bool IsCa { get; init; }

    /// <summary>pathLenConstraint of a CA; null means unlimited.</summary>
    public int? PathLength { get; init; }

    /// <summary>Key usage; null picks a default by role, <see cref="KeyUsageFlags.None"/> omits the extension.</summary>
    public KeyUsageFlags? KeyUsage { get; init; }

    /// <summary>Extended key usages as short names (<see cref="ExtendedKeyUsages"/>) or OIDs; none omits the extension.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [];

    /// <summary>Whether to write a subject key identifier.</summary>
    public bool SubjectKeyIdentifier { get; init; } = true;

    /// <summary>Whether to write an authority key identifier.</summary>
    public bool AuthorityKeyIdentifier { get; init; } = true;

    /// <summary>The signature digest (MD5 only for broken fixtures with RSA issuers).</summary>
    public DigestAlgorithm Digest { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>Sign with RSASSA-PSS instead of PKCS#1 v1.5 (RSA issuers only).</summary>
    public bool RsaPss { get; init; }

    /// <summary>A CA certificate spec with the usual CA key usage.</summary>
    public static CertificateSpec Ca(string subject, int? pathLength = null) =>
        new() { Subject = subject, IsCa = true, PathLength = pathLength };

    /// <summary>An end-entity TLS server/client certificate spec.</summary>
    public static CertificateSpec Leaf(string subject, params SubjectAltName[] sans) =>
        new()
        {
            Subject = subject,
            Sans = sans,
            ExtendedKeyUsages = [CertInstaller.Core.Pki.ExtendedKeyUsages.ServerAuth, CertInstaller.Core.Pki.ExtendedKeyUsages.ClientAuth],
        };
}
