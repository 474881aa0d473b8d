using CertInstaller.Core.Layout;
using CertInstaller.Core.Tests.Pki;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Validation;

/// <summary>Issue 9's cases on folders made with the openssl command line, as its reporter made them; where openssl
/// itself has a verdict (verify, pkcs12 -export) the test checks that the two agree.</summary>
public class OpenSslVerdictTests
{
    private const string Local = "Client/Local_Subsystems/";
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Certs => Path.Combine(_dir.Path, "Certificates");

    private ValidationReport Validate(ValidationPolicy? policy = null, params string[] passwords) =>
        new FolderValidator().Validate(new ValidationContext
        {
            Layout = new LayoutScanner().Scan(Certs),
            Policy = policy ?? ValidationPolicy.Installer,
            At = DateTimeOffset.UtcNow,
            Passwords = passwords,
        });

    private static List<(FindingCode Code, string Path)> Codes(ValidationReport report) => report.Findings.Select(f => (f.Code, f.Path)).ToList();

    [Test]
    public void HealthyFolders_HaveNoFindings()
    {
        new OpenSslFolder(Certs);
        Assert.That(Validate().Findings, Is.Empty);
    }

    [Test]
    public void Trust_WhenTheOutsideRootSitsOnlyInAnotherSetsTrustedFile_AgreesWithOpenSslVerify()
    {
        var folder = new OpenSslFolder(Certs, thirdParty: true);
        Assert.That(Validate().Findings, Is.Empty, "healthy third-party folder");
        folder.Write(Local + "ic1_TrustedCertificate.cer", File.ReadAllText(folder.W("sg.cer")));
        folder.Write("Client/Remote_Subsystems/ic2/ic1_TrustedCertificate.cer", File.ReadAllText(folder.W("sg.cer")) + File.ReadAllText(folder.W("ext.cer")));
        folder.Put("Client/Remote_Subsystems/ic2/ic1_ClientCertificate.cer", "client.cer");

        var verify = OpenSsl.TryLine($"verify -CAfile {folder.At(Local + "ic1_TrustedCertificate.cer")} {folder.At(Local + "ic1_ServerCertificate.cer")}");
        var report = Validate();

        Assert.That(verify.Stdout + verify.Stderr, Does.Contain("error 20"), "openssl with the set's own trusted file");
        Assert.That(Codes(report), Is.EquivalentTo(new[] { (FindingCode.ChainNotTrusted, Local + "ic1_ClientCertificate.cer"), (FindingCode.ChainNotTrusted, Local + "ic1_ServerCertificate.cer") }));
        Assert.That(report.Findings[0].Message, Does.Contain(Local + "ic1_TrustedCertificate.cer"));
    }

    [TestCase("PEM")]
    [TestCase("DER")]
    public void Keys_WhenPublicKeyIsPkcs1FromOpenSslRsa_ReadsItAndChecksTheMatch(string form)
    {
        var folder = new OpenSslFolder(Certs);
        folder.PublicKey("sg", "ServerGroup/ServerGroupPublicKey.bin", "-RSAPublicKey_out", form);
        Assert.That(Validate().Findings, Is.Empty);

        folder.PublicKey("ca", "ServerGroup/ServerGroupPublicKey.bin", "-RSAPublicKey_out", form);
        Assert.That(Codes(Validate()), Is.EqualTo(new[] { (FindingCode.PublicKeyMismatch, "ServerGroup/ServerGroupPublicKey.bin") }));
    }

    [Test]
    public void CsrArea_WhenSignedCertificateIsForAnotherKey_WarnsLikePkcs12ExportRefuses()
    {
        var folder = new OpenSslFolder(Certs, thirdParty: true);
        folder.Key("req");
        OpenSslFolder.Run($"req -new -key {folder.W("req.key")} -subj \"/O=Example Corp/OU=IC/OU=Server/CN=ic1.example.com\" " +
                          $"-addext subjectAltName=DNS:ic1.example.com,IP:10.0.0.5 -out {folder.W("req.csr")}");
        folder.Put("CSRs/ic1_Server.csr", "req.csr");
        folder.Put("CSRs/ic1_ServerPrivateKey.bin", "req.key", key: true);
        folder.Issue("signed", "/O=Example Corp/OU=IC/OU=Server/CN=ic1.example.com", "ext",
            "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:ic1.example.com,IP:10.0.0.5\n", keyOf: "req");
        folder.Put("CSRs/ic1_ServerCertificate.cer", "signed.cer");
        OpenSslFolder.Run($"pkcs12 -export -inkey {folder.W("req.key")} -in {folder.W("signed.cer")} -passout pass:seed-pw -out {folder.W("site.pfx")}");
        folder.Put("CSRs/ic1_Server.pfx", "site.pfx", key: true);

        var locked = Validate();
        Assert.That(locked.Findings.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.PasswordRequired, Severity.Warning, "CSRs/ic1_Server.pfx") }));
        Assert.That(locked.Valid, Is.True, "the seed's password-protected PFX never fails an install");
        Assert.That(Validate(passwords: "seed-pw").Findings, Is.Empty);

        folder.Issue("wrong", "/O=Example Corp/OU=IC/OU=Server/CN=ic1.example.com", "ext",
            "extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:ic1.example.com,IP:10.0.0.5\n", keyOf: "server");
        folder.Put("CSRs/ic1_ServerCertificate.cer", "wrong.cer");
        var export = OpenSsl.TryLine($"pkcs12 -export -inkey {folder.W("req.key")} -in {folder.W("wrong.cer")} -passout pass:x -out {folder.W("refused.pfx")}");

        Assert.That(export.Code, Is.Not.Zero, "openssl refuses the pair");
        Assert.That(Codes(Validate(passwords: "seed-pw")), Is.EqualTo(new[] { (FindingCode.CsrCertificateKeyMismatch, "CSRs/ic1_ServerCertificate.cer") }));
    }

    [Test]
    public void CsrArea_WhenOpenSslMadeSha1Or1024BitCsrs_Warns()
    {
        var folder = new OpenSslFolder(Certs);
        folder.Key("small", 1024);
        OpenSslFolder.Run($"req -new -key {folder.W("small.key")} -subj \"/CN=ic1.example.com\" -addext subjectAltName=DNS:ic1.example.com,IP:10.0.0.5 -out {folder.W("small.csr")}");
        OpenSslFolder.Run($"req -new -sha1 -key {folder.W("server.key")} -subj \"/CN=ic1.example.com\" -addext subjectAltName=DNS:ic1.example.com,IP:10.0.0.5 -out {folder.W("sha1.csr")}");
        folder.Put("CSRs/small.csr", "small.csr");
        folder.Put("CSRs/sha1.csr", "sha1.csr");
        folder.Put("CSRs/smallPrivateKey.bin", "small.key", key: true);
        folder.Put("CSRs/sha1PrivateKey.bin", "server.key", key: true);

        Assert.That(Codes(Validate()), Is.EquivalentTo(new[] { (FindingCode.CsrKeyTooWeak, "CSRs/small.csr"), (FindingCode.CsrDigestTooWeak, "CSRs/sha1.csr") }));
    }

    [TestCase("request.key", new FindingCode[0])]
    [TestCase("other.key", new[] { FindingCode.CsrAreaKeyUnmatched, FindingCode.CsrKeyMissing })]
    public void CsrArea_WhenOpenSslMadeCsrSitsBesideAGuideNamedKey_PairsByKey(string keyFile, FindingCode[] expected)
    {
        var folder = new OpenSslFolder(Certs);
        folder.Key("request", 2048);
        folder.Key("other", 2048);
        OpenSslFolder.Run($"req -new -key {folder.W("request.key")} -subj \"/CN=ic1.example.com\" -addext subjectAltName=DNS:ic1.example.com,IP:10.0.0.5 -out {folder.W("winstoric2.csr")}");
        folder.Put("CSRs/winstoric2.csr", "winstoric2.csr");
        folder.Put("CSRs/ServerGroupPrivateKey.bin", keyFile, key: true);

        Assert.That(Validate().Findings.Select(f => f.Code), Is.EquivalentTo(expected));
    }

    [Test]
    public void Usage_WhenOpenSslMadeClientCertificateIsServerAuthOnly_Fails()
    {
        new OpenSslFolder(Certs, clientEku: "serverAuth");

        var report = Validate();

        Assert.That(report.Findings.Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (FindingCode.ExtendedKeyUsageWrong, Severity.Error, Local + "ic1_ClientCertificate.cer") }));
        Assert.That(report.Valid, Is.False, "issue 26: an error, as import-check's EkuMissing");
    }
}
