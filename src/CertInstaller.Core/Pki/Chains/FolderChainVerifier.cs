using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>Verifies the chain of every certificate of a set against one shared pool, in parallel, with one signature cache.</summary>
public static class FolderChainVerifier
{
    /// <summary>
    /// The chain result of each certificate, in input order. Anchors default to the self-signed certificates of the
    /// set when <paramref name="anchors"/> is empty (the IC self-signed model: the Server Group root lives in the folder).
    /// </summary>
    public static IReadOnlyList<ChainResult> VerifyAll(
        IReadOnlyList<X509Certificate> certificates, CertificatePool anchors, DateTimeOffset at, IChainBuilder? builder = null)
    {
        var pool = new CertificatePool(certificates);
        var trust = anchors.Certificates.Count > 0 ? anchors : new CertificatePool(certificates.Where(IsSelfSigned));
        var chains = builder ?? new ChainBuilder();
        return certificates.AsParallel().AsOrdered().Select(c => chains.Build(new ChainRequest(c, pool, trust, at))).ToList();
    }

    private static bool IsSelfSigned(X509Certificate certificate)
    {
        if (!certificate.SubjectDN.Equivalent(certificate.IssuerDN, true))
        {
            return false;
        }

        try
        {
            return certificate.IsSignatureValid(certificate.GetPublicKey());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
