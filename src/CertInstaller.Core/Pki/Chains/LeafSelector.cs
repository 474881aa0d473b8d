using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>Finds the end-entity certificate of a bundle whatever its order (leaf first, root first, or mixed).</summary>
public static class LeafSelector
{
    /// <summary>The first certificate that issued none of the others; the first certificate when every one issued another.</summary>
    public static X509Certificate Select(IReadOnlyList<X509Certificate> bundle)
    {
        if (bundle.Count == 0)
        {
            throw new ArgumentException("the bundle holds no certificate", nameof(bundle));
        }

        var issuers = new HashSet<string>(bundle
            .Where(c => CertificatePool.NameKey(c.SubjectDN) != CertificatePool.NameKey(c.IssuerDN))
            .Select(c => CertificatePool.NameKey(c.IssuerDN)));
        return bundle.FirstOrDefault(c => !issuers.Contains(CertificatePool.NameKey(c.SubjectDN))) ?? bundle[0];
    }

    /// <summary>
    /// The problem of a bundle given as one leaf that holds two or more end-entity certificates (not a CA, not
    /// self-issued) that issued nothing in it, or null when it holds at most one. A file may hold its leaf with the
    /// chain in any order, but one leaf: picking one of two unrelated leaves would verify a certificate the admin may
    /// not have meant.
    /// </summary>
    public static ChainProblem? UnrelatedLeaves(IReadOnlyList<X509Certificate> bundle)
    {
        var issuers = new HashSet<string>(bundle.Select(c => CertificatePool.NameKey(c.IssuerDN)));
        var leaves = bundle
            .Where(c => c.GetBasicConstraints() < 0
                && CertificatePool.NameKey(c.SubjectDN) != CertificatePool.NameKey(c.IssuerDN)
                && !issuers.Contains(CertificatePool.NameKey(c.SubjectDN)))
            .Distinct()
            .Select(c => PkiDescriber.DescribeName(c.SubjectDN).OneLine)
            .ToList();
        return leaves.Count < 2
            ? null
            : new ChainProblem(
                ChainProblemCode.UnrelatedLeaves,
                $"holds {leaves.Count} unrelated end-entity certificates ({string.Join("; ", leaves.Select(l => $"'{l}'"))}); which one to verify is unclear: give a file with one leaf (and its chain)",
                string.Join("; ", leaves));
    }
}
