using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>
/// The built path (leaf first, ending with the anchor when one was reached), the anchor, and every problem found.
/// Valid means an anchor was reached and no problem was found.
/// </summary>
public sealed record ChainResult(IReadOnlyList<X509Certificate> Path, X509Certificate? Anchor, IReadOnlyList<ChainProblem> Problems)
{
    /// <summary>True when the path reaches a trust anchor without any problem.</summary>
    public bool Valid => Anchor is not null && Problems.Count == 0;
}
