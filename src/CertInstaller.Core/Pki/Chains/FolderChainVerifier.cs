using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>Verifies the chains of a folder's certificates: all against one shared pool (<see cref="VerifyAll"/>), or
/// one set against its own trusted file and the folder's hierarchy (<see cref="VerifySet"/>).</summary>
public static class FolderChainVerifier
{
    /// <summary>
    /// The chain result of each certificate, in input order. Anchors default to the self-signed certificates of the
    /// set when <paramref name="anchors"/> is empty (the IC self-signed model: the Server Group root lives in the folder).
    /// </summary>
    /// <remarks>The minimum digest is SHA-1 unless given: the digest report judges each certificate's digest itself, so its
    /// chains say only whether the path holds.</remarks>
    public static IReadOnlyList<ChainResult> VerifyAll(
        IReadOnlyList<X509Certificate> certificates, CertificatePool anchors, DateTimeOffset at, IChainBuilder? builder = null,
        DigestAlgorithm minDigest = DigestAlgorithm.Sha1)
    {
        var pool = new CertificatePool(certificates);
        var trust = anchors.Certificates.Count > 0 ? anchors : new CertificatePool(certificates.Where(IsSelfSigned));
        var chains = builder ?? new ChainBuilder();
        return certificates.AsParallel().AsOrdered().Select(c => chains.Build(new ChainRequest(c, pool, trust, at) { MinDigest = minDigest })).ToList();
    }

    /// <summary>
    /// Verifies <paramref name="leaf"/> the way <c>openssl verify -CAfile &lt;trusted file&gt; -untrusted &lt;hierarchy&gt;</c> does:
    /// the anchors are the self-signed certificates of the set's own trusted file and of the folder's hierarchy
    /// (the self-signed Server Group root); every other certificate given (the leaf's own file, the trusted file's
    /// intermediates, the hierarchy) may only be an intermediate. Anchors from other sets are never used.
    /// </summary>
    /// <param name="leaf">The certificate to verify.</param>
    /// <param name="own">The other certificates of the leaf's own file (a bundle's intermediates).</param>
    /// <param name="trusted">The certificates of the set's trusted file.</param>
    /// <param name="hierarchy">The folder's Server Group and IC CA certificates.</param>
    /// <param name="at">The verification time.</param>
    /// <param name="builder">The chain builder (share one per run for its signature cache).</param>
    /// <param name="purpose">What the leaf is used for.</param>
    /// <param name="profile">The rule set.</param>
    /// <param name="isSelfSigned">Tells self-signed certificates (defaults to <see cref="IsSelfSigned"/>; pass a cached one
    /// when many sets share the same roots).</param>
    /// <param name="minDigest">The weakest signature digest a link may use (the policy's minDigest).</param>
    public static ChainResult VerifySet(
        X509Certificate leaf,
        IEnumerable<X509Certificate> own,
        IReadOnlyList<X509Certificate> trusted,
        IEnumerable<X509Certificate> hierarchy,
        DateTimeOffset at,
        IChainBuilder builder,
        ChainPurpose purpose = ChainPurpose.Any,
        ChainProfile profile = ChainProfile.Rfc5280,
        Func<X509Certificate, bool>? isSelfSigned = null,
        DigestAlgorithm minDigest = DigestAlgorithm.Sha256)
    {
        var hierarchyList = hierarchy.ToList();
        var anchors = new CertificatePool(trusted.Concat(hierarchyList).Where(isSelfSigned ?? IsSelfSigned));
        var pool = new CertificatePool(own.Concat(trusted).Concat(hierarchyList));
        return builder.Build(new ChainRequest(leaf, pool, anchors, at) { Purpose = purpose, Profile = profile, MinDigest = minDigest });
    }

    /// <summary>True when <paramref name="certificate"/> names itself as issuer and its signature verifies with its own key.</summary>
    public static bool IsSelfSigned(X509Certificate certificate)
    {
        if (!certificate.SubjectDN.Equivalent(certificate.IssuerDN, true))
        {
            return false;
        }

        try
        {
            return LocalKeys.Parse(() => certificate.IsSignatureValid(certificate.GetPublicKey()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
