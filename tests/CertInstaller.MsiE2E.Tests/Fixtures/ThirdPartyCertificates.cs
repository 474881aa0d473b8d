using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertInstaller.MsiE2E.Tests.Fixtures;

/// <summary>
/// A site's third-party certificate set for the sample folder, single-certificate mode: a site root CA issues the Server
/// Group certificate and the local subsystem certificate, the IC CA is issued by that Server Group certificate (as IC
/// does when the Server Group is third-party), their keys (PEM .bin like IC) and the trusted root. Made with the BCL on
/// the test side so the fixture is independent of the Core code under test.
/// </summary>
public static class ThirdPartyCertificates
{
    public static FolderPicture Create(bool expired = false)
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var rootReq = new CertificateRequest("CN=Contoso Site Root CA, O=Contoso", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootReq.PublicKey, false));
        using var root = rootReq.CreateSelfSigned(now.AddYears(-3), now.AddYears(10));

        var files = new Dictionary<string, byte[]>();
        var (notBefore, notAfter) = expired ? (now.AddYears(-2), now.AddDays(-30)) : (now.AddDays(-1), now.AddYears(2));
        using var serverGroup = Issue(files, root, "CN=ServerGroup, O=Contoso", "ServerGroup/ServerGroupCertificate.cer", "ServerGroup/ServerGroupPrivateKey.bin",
            "ServerGroup/ServerGroupPublicKey.bin", isCa: true, notBefore, notAfter);
        Issue(files, serverGroup, "CN=ICSERVER1 IC Certificate Authority, O=Contoso", "ICCertificateAuthority/ICSERVER1_ICCertificateAuthorityCertificate.cer",
            "ICCertificateAuthority/ICSERVER1_ICCertificateAuthorityPrivateKey.bin", "ICCertificateAuthority/ICSERVER1_ICCertificateAuthorityPublicKey.bin",
            isCa: true, notBefore, notAfter).Dispose();
        Issue(files, root, "CN=ICSERVER1, O=Contoso", "Client/Local_Subsystems/ICSERVER1_ServerCertificate.cer",
            "Client/Local_Subsystems/ICSERVER1_ServerPrivateKey.bin", null, isCa: false, now.AddDays(-1), now.AddYears(2)).Dispose();
        files["Client/Local_Subsystems/ICSERVER1_TrustedCertificate.cer"] = Encoding.ASCII.GetBytes(root.ExportCertificatePem() + "\n");
        return new FolderPicture(files);
    }

    private static X509Certificate2 Issue(Dictionary<string, byte[]> files, X509Certificate2 issuer, string subject, string certPath, string keyPath,
        string? publicKeyPath, bool isCa, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var key = RSA.Create(2048);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        if (isCa)
        {
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        }
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("icserver1.contoso.test");
        req.CertificateExtensions.Add(san.Build());
        using var cert = req.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        files[certPath] = Encoding.ASCII.GetBytes(cert.ExportCertificatePem() + "\n");
        files[keyPath] = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n");
        if (publicKeyPath is not null)
        {
            files[publicKeyPath] = Encoding.ASCII.GetBytes(key.ExportSubjectPublicKeyInfoPem() + "\n");
        }

        return cert.CopyWithPrivateKey(key);
    }
}
