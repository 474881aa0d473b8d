using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>What to verify: a leaf, a pool of other certificates (any order), trust anchors, the time, and optionally a host.</summary>
public sealed record ChainRequest(X509Certificate Leaf, CertificatePool Pool, CertificatePool Anchors, DateTimeOffset At)
{
    /// <summary>A DNS name or IP address the leaf must cover; null skips the check.</summary>
    public string? Host { get; init; }
}
