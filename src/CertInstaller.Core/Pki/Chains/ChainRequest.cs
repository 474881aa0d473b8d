using CertInstaller.Core.Pki.Chains.Revocation;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>What to verify: a leaf, a pool of other certificates (any order), trust anchors, the time, and optionally a host.</summary>
public sealed record ChainRequest(X509Certificate Leaf, CertificatePool Pool, CertificatePool Anchors, DateTimeOffset At)
{
    /// <summary>A DNS name or IP address the leaf must cover; null skips the check.</summary>
    public string? Host { get; init; }

    /// <summary>What the leaf must be good for; <see cref="ChainPurpose.Any"/> skips the EKU check.</summary>
    public ChainPurpose Purpose { get; init; } = ChainPurpose.Any;

    /// <summary>The rule set; RFC 5280 unless the caller asks for the web PKI profile.</summary>
    public ChainProfile Profile { get; init; } = ChainProfile.Rfc5280;

    /// <summary>When true, a non-self-signed certificate in <see cref="Anchors"/> may end the path (openssl's -partial_chain).</summary>
    public bool PartialChain { get; init; }

    /// <summary>The weakest signature digest a link may use (default SHA-256, as <c>validate</c>'s policy): a certificate
    /// below the anchor signed with a weaker one is no valid link (<see cref="ChainProblemCode.WeakSignatureDigest"/>), so
    /// the builder looks for another path (a cross-signed or renewed CA). SHA-1 keeps legacy folders judgeable; MD2, MD4
    /// and MD5 never verify whatever this says (<see cref="ChainProblemCode.ForbiddenSignatureDigest"/>).</summary>
    public DigestAlgorithm MinDigest { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>The longest path allowed, leaf and anchor included.</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>CRLs to check revocation against (read from files, never fetched); null turns revocation checking off.</summary>
    public IReadOnlyList<CrlSource>? Crls { get; init; }

    /// <summary>Where each certificate came from, so problems can name the file; certificates not listed are named by subject only.</summary>
    public IReadOnlyDictionary<X509Certificate, string>? Files { get; init; }
}
