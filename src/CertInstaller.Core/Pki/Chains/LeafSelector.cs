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
}
