using System.Text;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Creation;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Pki.Creation;

/// <summary>openssl is the oracle: it reads and verifies what CsrCreator makes, and signs it.</summary>
public class CsrCreatorTests
{
    private const string Subject = "/C=US/O=U.S. Government/OU=DoD/OU=PKI/OU=CONTRACTOR/CN=ic1.example.gov";

    private static readonly SubjectAltName[] Sans = [SubjectAltName.Dns("ic1.example.gov"), SubjectAltName.Dns("ic1"), SubjectAltName.Ip("10.0.0.5"), SubjectAltName.Ip("2001:db8::5")];

    [TestCase("rsa:2048")]
    [TestCase("ec:P-256")]
    [TestCase("ec:P-384")]
    public void Create_WhenReadByOpenssl_VerifiesWithSubjectInOrderAndEverySan(string keyType)
    {
        Assert.That(KeyType.TryParse(keyType, out var type), Is.True);
        var keys = KeyCreator.Generate(type);
        var csr = CsrCreator.Create(new CsrRequest(SubjectParser.Parse(Subject), Sans), keys);
        using var dir = new TempDir();
        var path = dir.Write("ic1.csr", PemText.Csr(csr));

        var (code, output) = OpenSsl.Run("req", "-in", path, "-verify", "-noout", "-text", "-nameopt", "RFC2253");

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("verify OK"));
        Assert.That(output, Does.Contain("CN=ic1.example.gov,OU=CONTRACTOR,OU=PKI,OU=DoD,O=U.S. Government,C=US"), "RFC 2253 prints the RDNs last first");
        Assert.That(output, Does.Contain("DNS:ic1.example.gov, DNS:ic1, IP Address:10.0.0.5, IP Address:2001:DB8:0:0:0:0:0:5"));
        Assert.That(output, Does.Contain("TLS Web Server Authentication, TLS Web Client Authentication"));
    }

    [Test]
    public void Create_WhenKeyWrittenPem_OpensslReadsItAndItMatchesTheCsr()
    {
        var keys = KeyCreator.Generate(KeyType.Default);
        var csr = CsrCreator.Create(new CsrRequest(SubjectParser.Parse("/CN=h"), []), keys);
        using var dir = new TempDir();
        var keyPath = dir.Write("h.key", PemText.PrivateKey(keys.Private));
        var csrPath = dir.Write("h.csr", PemText.Csr(csr));

        var fromKey = OpenSsl.Run("pkey", "-in", keyPath, "-pubout");
        var fromCsr = OpenSsl.Run("req", "-in", csrPath, "-noout", "-pubkey");

        Assert.That(fromKey.ExitCode, Is.Zero, fromKey.Output);
        Assert.That(fromCsr.Output, Is.EqualTo(fromKey.Output));
    }

    [Test]
    public void Create_WhenOpensslSignsTheCsr_TheCertificateKeepsSubjectAndSans()
    {
        var keys = KeyCreator.Generate(KeyType.Default);
        var csr = CsrCreator.Create(new CsrRequest(SubjectParser.Parse(Subject), Sans), keys);
        using var dir = new TempDir();
        var csrPath = dir.Write("ic1.csr", PemText.Csr(csr));
        var ca = Path.Combine(dir.Path, "ca");
        Assert.That(OpenSsl.Run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca + ".key", "-out", ca + ".pem", "-subj", "/CN=Test CA", "-days", "2").ExitCode, Is.Zero);
        var cert = Path.Combine(dir.Path, "ic1.pem");

        var (code, output) = OpenSsl.Run("x509", "-req", "-in", csrPath, "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial", "-days", "2", "-copy_extensions", "copy", "-out", cert);

        Assert.That(code, Is.Zero, output);
        var read = new PkiReader().ReadFile(cert);
        var d = PkiDescriber.Describe(((CertificateObject)read.Objects[0]).Certificate);
        Assert.That(d.Subject.OneLine, Is.EqualTo("C = US, O = U.S. Government, OU = DoD, OU = PKI, OU = CONTRACTOR, CN = ic1.example.gov"));
        Assert.That(d.Sans, Is.EqualTo(Sans));
    }

    [Test]
    public void NameOf_WhenValueStartsWithHash_EncodesItAsText()
    {
        var name = CsrCreator.NameOf(SubjectParser.Parse("/OU=#1 Team/CN=h"));

        Assert.That(PkiDescriber.DescribeName(name).ValuesOf("OU"), Is.EqualTo(new[] { "#1 Team" }));
    }

    [Test]
    public void CheckKey_WhenOtherKey_ReportsKeyMismatch()
    {
        var csr = CsrCreator.Create(new CsrRequest(SubjectParser.Parse("/CN=h"), []), KeyCreator.Generate(new KeyType("EC", 256)));

        Assert.That(CsrChecker.CheckKey(csr, KeyCreator.Generate(new KeyType("EC", 256)).Private)?.Code, Is.EqualTo(CsrFindingCode.KeyMismatch));
        Assert.That(CsrChecker.Check(PkiDescriber.Describe(csr), CsrPolicy.Default).Select(f => (f.Code, f.Severity)),
            Is.EqualTo(new[] { (CsrFindingCode.NoSan, Severity.Warning) }));
    }

    [Test]
    public void Write_WhenPrivate_IsMode0600AndNeverOverwrites()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "k.pem");

        NewFile.Write(path, Encoding.ASCII.GetBytes("one"), privateAccess: true);

        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        Assert.That(() => NewFile.Write(path, Encoding.ASCII.GetBytes("two"), privateAccess: true), Throws.InstanceOf<IOException>());
        Assert.That(File.ReadAllText(path), Is.EqualTo("one"));
    }
}
