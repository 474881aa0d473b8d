using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Chains.Revocation;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

/// <summary>
/// One set of the adversarial corpus: a leaf, a pool (in the order openssl gets it), anchors and options, the code
/// certharness must report (null: valid), and, when openssl rejects a valid set, the key of that reason; when openssl accepts what certharness rejects, the key of the reason
/// listed in the README section "Where certharness is stricter than openssl".
/// </summary>
public sealed record CorpusCase(string Name, X509Certificate Leaf, IReadOnlyList<X509Certificate> Pool, IReadOnlyList<X509Certificate> Anchors)
{
    public ChainProblemCode? Expected { get; init; }
    /// <summary>A warning the (valid or invalid) result must carry.</summary>
    public ChainProblemCode? Warning { get; init; }
    public string? StricterBecause { get; init; }
    /// <summary>When openssl 3 rejects what the standard (and certharness) accepts: the key of the reason listed in the
    /// README section "Where openssl is stricter than the standard".</summary>
    public string? OpenSslRejectsBecause { get; init; }
    public DateTimeOffset At { get; init; } = Fixtures.Now;
    public ChainPurpose Purpose { get; init; }
    public ChainProfile Profile { get; init; }
    public bool PartialChain { get; init; }
    public int MaxDepth { get; init; } = 8;
    public CertInstaller.Core.Pki.DigestAlgorithm MinDigest { get; init; } = CertInstaller.Core.Pki.DigestAlgorithm.Sha256;
    public string? Host { get; init; }
    public IReadOnlyList<X509Crl>? Crls { get; init; }

    public ChainRequest Request() => new(Leaf, new CertificatePool(Pool), new CertificatePool(Anchors), At)
    {
        Purpose = Purpose,
        Profile = Profile,
        PartialChain = PartialChain,
        MaxDepth = MaxDepth,
        MinDigest = MinDigest,
        Host = Host,
        Crls = Crls?.Select(c => new CrlSource(c, null)).ToList(),
    };

    public override string ToString() => Name;
}
