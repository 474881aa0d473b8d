namespace CertInstaller.Samples.Issuing;

/// <summary>What to put in a certificate signing request (PKCS#10); subject in encoding order as in <see cref="CertificateSpec"/>.</summary>
public sealed record CsrSpec
{
    /// <summary>Subject distinguished name in encoding order, e.g. "C=US, O=Example, OU=IC, CN=host".</summary>
    public required string Subject { get; init; }

    /// <summary>Requested subject alternative names (sent in an extensionRequest attribute).</summary>
    public IReadOnlyList<SubjectAltName> Sans { get; init; } = [];

    /// <summary>Requested extended key usages (short names or OIDs).</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [];

    /// <summary>The signature digest.</summary>
    public DigestAlgorithm Digest { get; init; } = DigestAlgorithm.Sha256;
}
