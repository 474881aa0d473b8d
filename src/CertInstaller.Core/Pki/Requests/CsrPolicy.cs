using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Pki.Requests;

/// <summary>
/// What a CSR must satisfy: required subject attributes (values in order, e.g. several OUs), required SANs,
/// minimum key sizes and the minimum signature digest.
/// </summary>
public sealed record CsrPolicy
{
    /// <summary>RSA 2048, EC 256, SHA-256, no required names.</summary>
    public static CsrPolicy Default { get; } = new();

    /// <summary>Required subject attributes by short name ("OU", "O", "C", "CN"): the exact values, in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Subject { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>SANs that must be present (DNS names compared case-insensitively, IPs by address).</summary>
    public IReadOnlyList<SubjectAltName> RequiredSans { get; init; } = [];

    /// <summary>Smallest accepted RSA modulus, in bits.</summary>
    public int MinRsaBits { get; init; } = 2048;

    /// <summary>Smallest accepted EC curve size, in bits.</summary>
    public int MinEcBits { get; init; } = 256;

    /// <summary>Weakest accepted signature digest.</summary>
    public DigestAlgorithm MinDigest { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>How a CSR without any SAN counts; a warning by default (IC matches host names against SANs); null: not
    /// reported (as a <see cref="ValidationPolicy"/> override of null turns a finding off).</summary>
    public Severity? NoSan { get; init; } = Severity.Warning;
}
