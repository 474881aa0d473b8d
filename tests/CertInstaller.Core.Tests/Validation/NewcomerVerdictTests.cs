using CertInstaller.Core.Layout;
using CertInstaller.Core.Tests.Pki;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Validation;

/// <summary>Issue 26 (an admin's first day) on folders made with the openssl command line: what a newcomer met.</summary>
public class NewcomerVerdictTests
{
    private const string Local = "Client/Local_Subsystems/";
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Certs => Path.Combine(_dir.Path, "Certificates");

    private static ValidationReport Validate(string folder, ValidationPolicy? policy = null) =>
        new FolderValidator().Validate(new ValidationContext
        {
            Layout = new LayoutScanner().Scan(folder),
            Policy = policy ?? ValidationPolicy.Installer,
            At = DateTimeOffset.UtcNow,
        });

    private static List<(FindingCode Code, string Path)> Codes(ValidationReport report) => report.Findings.Select(f => (f.Code, f.Path)).ToList();

    [Test]
    public void Validate_WhenFolderHoldsOnlyACsr_IsUnrecognised()
    {
        var folder = new OpenSslFolder(Certs);
        var only = Path.Combine(_dir.Path, "j");
        Directory.CreateDirectory(only);
        OpenSslFolder.Run($"req -new -key {folder.W("server.key")} -subj \"/CN=ic1.example.com\" -out {Path.Combine(only, "ic1.csr")}");

        var report = Validate(only);

        Assert.That(report.Valid, Is.False);
        Assert.That(report.Findings.Select(f => f.Code), Does.Contain(FindingCode.FolderUnrecognised));
    }

    [Test]
    public void Validate_WhenGivenTheCsrWorkArea_IsUnrecognised()
    {
        var folder = new OpenSslFolder(Certs);
        OpenSslFolder.Run($"req -new -key {folder.W("server.key")} -subj \"/CN=ic1.example.com\" -addext subjectAltName=DNS:ic1.example.com,IP:10.0.0.5 -out {folder.W("req.csr")}");
        folder.Put("CSRs/ic1_Server.csr", "req.csr");
        folder.Put("CSRs/ic1_ServerPrivateKey.bin", "server.key", key: true);
        folder.Put("CSRs/ic1_ServerCertificate.cer", "server.cer");
        Assert.That(Validate(Certs).Findings, Is.Empty, "the certificates folder itself is fine");

        var report = Validate(folder.At("CSRs"));

        Assert.That(report.Valid, Is.False);
        Assert.That(report.Findings.Select(f => f.Code), Does.Contain(FindingCode.FolderUnrecognised));
    }

    [Test]
    public void Validate_WhenGivenAnOpenSslCaFolder_IsUnrecognised()
    {
        var folder = new OpenSslFolder(Certs);
        var ca = Path.Combine(_dir.Path, "ca");
        Directory.CreateDirectory(Path.Combine(ca, "private"));
        Directory.CreateDirectory(Path.Combine(ca, "newcerts"));
        File.Copy(folder.W("sg.cer"), Path.Combine(ca, "ca.crt"));
        File.Copy(folder.W("sg.key"), Path.Combine(ca, "private", "ca.key"));
        File.Copy(folder.W("server.cer"), Path.Combine(ca, "newcerts", "01.pem"));
        File.Copy(folder.W("server.csr"), Path.Combine(ca, "ic1.csr"));
        File.WriteAllText(Path.Combine(ca, "index.txt"), "");
        File.WriteAllText(Path.Combine(ca, "serial"), "02\n");
        OpenSslFolder.Run($"pkcs12 -export -inkey {folder.W("server.key")} -in {folder.W("server.cer")} -passout pass:x -out {Path.Combine(ca, "ic1.pfx")}");

        var report = Validate(ca);

        Assert.That(report.Valid, Is.False);
        Assert.That(report.Findings.Select(f => f.Code), Does.Contain(FindingCode.FolderUnrecognised));
    }

    [Test]
    public void CsrArea_WhenOpenSslCsrHasNoSan_SaysSoInPlainWords()
    {
        var folder = new OpenSslFolder(Certs);
        OpenSslFolder.Run($"req -new -key {folder.W("server.key")} -subj \"/CN=ic1.example.com\" -out {folder.W("bare.csr")}");
        folder.Put("CSRs/ic1_Server.csr", "bare.csr");

        var findings = Validate(Certs).Findings;
        var finding = findings.Single(f => f.Code == FindingCode.CsrSanMissing);

        // The CSR's key is not in CSRs\ either (issue 22: CSRs\ paired by key): its own finding, not this one.
        Assert.That(findings.Select(f => f.Code), Is.EquivalentTo(new[] { FindingCode.CsrSanMissing, FindingCode.CsrKeyMissing }));
        Assert.That((finding.Code, finding.Path), Is.EqualTo((FindingCode.CsrSanMissing, "CSRs/ic1_Server.csr")));
        Assert.That(finding.Message, Does.Contain("requests no DNS name and no IP address"), "issue 26: it said 'requests no a DNS name and no an IP address'");
    }

    [Test]
    public void Chain_WhenAnIntermediateInTheTrustedFileExpired_TheLiveCertificateItIssuedGetsItsOwnFinding()
    {
        var folder = new OpenSslFolder(Certs, thirdParty: true);
        folder.Key("inter");
        File.WriteAllText(folder.W("inter.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        OpenSslFolder.Run($"req -new -key {folder.W("inter.key")} -subj \"/C=US/O=Example Government/CN=Example Issuing CA\" -out {folder.W("inter.csr")}");
        OpenSslFolder.Run($"x509 -req -in {folder.W("inter.csr")} -CA {folder.W("ext.cer")} -CAkey {folder.W("ext.key")} -CAcreateserial -days 45 -sha256 -extfile {folder.W("inter.ext")} -out {folder.W("inter.cer")}");
        folder.Issue("client2", "/O=Example Corp/OU=IC/OU=Client/CN=ic1.example.com", "inter",
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:ic1.example.com,IP:10.0.0.5\n", keyOf: "client");
        folder.Put(Local + "ic1_ClientCertificate.cer", "client2.cer");
        folder.Write(Local + "ic1_TrustedCertificate.cer", File.ReadAllText(folder.W("sg.cer")) + File.ReadAllText(folder.W("ext.cer")) + File.ReadAllText(folder.W("inter.cer")));
        var later = DateTimeOffset.UtcNow.AddDays(60);
        Assert.That(Validate(Certs).Findings, Is.Empty, "healthy before the intermediate expires");

        var report = new FolderValidator().Validate(new ValidationContext { Layout = new LayoutScanner().Scan(Certs), Policy = ValidationPolicy.Installer, At = later });
        var verify = OpenSsl.TryLine($"verify -attime {later.ToUnixTimeSeconds()} -CAfile {folder.At(Local + "ic1_TrustedCertificate.cer")} {folder.At(Local + "ic1_ClientCertificate.cer")}");

        Assert.That(verify.Stdout + verify.Stderr, Does.Contain("expired"), "openssl verify fails the leaf too");
        Assert.That(Codes(report), Is.EquivalentTo(new[]
        {
            (FindingCode.Expired, Local + "ic1_TrustedCertificate.cer"),
            (FindingCode.Expired, Local + "ic1_ClientCertificate.cer"),
        }));
        var leaf = report.Findings.Single(f => f.Path == Local + "ic1_ClientCertificate.cer");
        Assert.That(leaf.Message, Does.Contain("Example Issuing CA").And.Contain(Local + "ic1_TrustedCertificate.cer"), "names the broken link and its file");
    }

    [TestCase("ICCertificateAuthority/ic1_ICCertificateAuthorityPrivateKey.bin", FindingCode.SigningKeyWorldReadable, Severity.Error)]
    [TestCase("ServerGroup/ServerGroupPrivateKey.bin", FindingCode.SigningKeyWorldReadable, Severity.Error)]
    [TestCase("ServerGroup/ServerGroupPrivateKey.bin.1", FindingCode.SigningKeyWorldReadable, Severity.Error)]
    [TestCase(Local + "ic1_ServerPrivateKey.bin", FindingCode.PrivateKeyWorldReadable, Severity.Warning)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Platform(Exclude = "Win", Reason = "Unix mode bits")]
    public void Permissions_WhenOpenSslKeyIsWorldReadable_CaAndServerGroupKeysAreErrors(string relative, FindingCode code, Severity severity)
    {
        var folder = new OpenSslFolder(Certs);
        if (!File.Exists(folder.At(relative))) folder.Put(relative, "sg.key", key: true); // a leftover copy is the same key
        File.SetUnixFileMode(folder.At(relative), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var report = Validate(Certs);

        Assert.That(report.Findings.Where(f => f.Code != FindingCode.LeftoverBackup).Select(f => (f.Code, f.Severity, f.Path)), Is.EqualTo(new[] { (code, severity, relative) }));
        Assert.That(report.Valid, Is.EqualTo(severity != Severity.Error));
    }

    [Test]
    public void Consistency_WhenNoPreserveRanAndTheIcCaIsAnotherRoots_DoesNotSayAPreserveRan()
    {
        var folder = new OpenSslFolder(Certs);
        folder.Key("other");
        OpenSslFolder.Run($"req -x509 -new -key {folder.W("other.key")} -subj \"/CN=Another Root\" -days 3650 -sha256 " +
                          $"-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -out {folder.W("other.cer")}");
        folder.Issue("ca2", "/O=Interactive Intelligence/OU=IC Certificate Authority/CN=ic1 IC CA", "other",
            "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\n", keyOf: "ca");
        folder.Put("ICCertificateAuthority/ic1_ICCertificateAuthorityCertificate.cer", "ca2.cer");

        var finding = Validate(Certs).Findings.Single(f => f.Code == FindingCode.CaNotIssuedByServerGroup);

        Assert.That(finding.Message, Does.Not.Contain("After Preserve this is"), "issue 26: no Preserve ran");
        Assert.That(finding.Message, Does.Contain("When a Preserve has put"));
    }
}
