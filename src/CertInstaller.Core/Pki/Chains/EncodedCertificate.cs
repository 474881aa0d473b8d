using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>
/// A certificate of a streamed folder scan, kept between its read and its chain check as its DER encoding and name keys
/// (about 1 KB) instead of the parsed BouncyCastle object (about 7 KB of small objects the garbage collector walks).
/// </summary>
/// <param name="Der">The certificate's DER encoding.</param>
/// <param name="SubjectKey">The subject name's key (its DER, as <see cref="CertificatePool"/> indexes it).</param>
/// <param name="IssuerKey">The issuer name's key.</param>
/// <param name="MaybeSelfSigned">The subject names itself as issuer (the first test of <see cref="FolderChainVerifier.IsSelfSigned"/>).</param>
public sealed record EncodedCertificate(byte[] Der, string SubjectKey, string IssuerKey, bool MaybeSelfSigned)
{
    /// <summary>The encoding and name keys of <paramref name="certificate"/>.</summary>
    public static EncodedCertificate Of(X509Certificate certificate) => new(
        Reading.PkiReader.EncodingOf(certificate),
        CertificatePool.NameKey(certificate.SubjectDN),
        CertificatePool.NameKey(certificate.IssuerDN),
        certificate.SubjectDN.Equivalent(certificate.IssuerDN, true));

    /// <summary>The certificate parsed again from <see cref="Der"/> (it parsed once, when the file was read).</summary>
    public X509Certificate Parse()
    {
        var certificate = Reading.PkiReader.ParseCertificate(Der);
        CertificatePool.RememberNameKey(certificate.SubjectDN, SubjectKey);
        CertificatePool.RememberNameKey(certificate.IssuerDN, IssuerKey);
        return certificate;
    }
}
