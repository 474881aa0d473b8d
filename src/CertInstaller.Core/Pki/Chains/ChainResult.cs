using CertInstaller.Core.Pki.Chains.Revocation;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>
/// The built path (leaf first, ending with the anchor when one was reached), the anchor, and every problem found.
/// Valid means an anchor was reached and no problem was found. When no path validates, this is the best failing path.
/// </summary>
public sealed record ChainResult(IReadOnlyList<X509Certificate> Path, X509Certificate? Anchor, IReadOnlyList<ChainProblem> Problems)
{
    /// <summary>True when the path reaches a trust anchor without any problem.</summary>
    public bool Valid => Anchor is not null && Problems.Count == 0;

    /// <summary>The CRLs that were checked against certificates of <see cref="Path"/> (empty when revocation was off).</summary>
    public IReadOnlyList<CrlSource> CheckedCrls { get; init; } = [];

    /// <summary>Observations on the path that do not fail it (a rule for the issuing CA rather than the verifier, or one
    /// the profile does not enforce): <see cref="ChainWarnings"/> says which codes.</summary>
    public IReadOnlyList<ChainProblem> Warnings { get; init; } = [];

    /// <summary>How many candidate paths the search looked at (nodes visited), for benchmarks and diagnostics.</summary>
    public int NodesVisited { get; init; }
}
