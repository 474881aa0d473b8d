using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki.Issuing;

public class PkiWriterTests
{
    [TestCase(KeyFormat.Pkcs1, "rsa")]
    [TestCase(KeyFormat.Pkcs8, "rsa")]
    [TestCase(KeyFormat.EncryptedPkcs8, "rsa")]
    [TestCase(KeyFormat.LegacyEncrypted, "rsa")]
    [TestCase(KeyFormat.Pkcs1, "ec")]
    [TestCase(KeyFormat.EncryptedPkcs8, "ec")]
    public void PrivateKeyPem_WhenFormatGiven_OpenSslReadsIt(KeyFormat format, string kind)
    {
        using var dir = new TempDir();
        var keys = KeyCache.Shared.Get(kind == "rsa" ? KeySpec.Rsa2048 : KeySpec.EcP256, "t/writer");
        var file = dir.Write("k.pem", PkiWriter.PrivateKeyPem(keys.Private, format, "secret"));

        OpenSsl.Line($"pkey -in {file} -passin pass:secret -noout");
    }

    [Test]
    public void Pkcs12_WhenPasswordGiven_OpenSslReadsKeyAndChain()
    {
        using var dir = new TempDir();
        var root = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=P12 Root"), KeyCache.Shared.Get(KeySpec.Rsa2048, "t/root"));
        var leaf = CertificateFactory.Issue(CertificateSpec.Leaf("CN=p12"), KeyCache.Shared.Get(KeySpec.EcP256, "t/leaf"), root);
        var file = dir.Write("a.pfx", PkiWriter.Pkcs12(leaf.Certificate, leaf.Keys.Private, [root.Certificate], "pw"));

        var output = OpenSsl.Line($"pkcs12 -in {file} -passin pass:pw -nodes");

        Assert.That(output, Does.Contain("CN = p12").And.Contain("CN = P12 Root").And.Contain("PRIVATE KEY"));
    }

    [Test]
    public void Pkcs7Pem_WhenTwoCertificates_OpenSslListsBothInOrder()
    {
        using var dir = new TempDir();
        var root = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=P7 Root"), KeyCache.Shared.Get(KeySpec.Rsa2048, "t/root"));
        var leaf = CertificateFactory.Issue(CertificateSpec.Leaf("CN=p7"), KeyCache.Shared.Get(KeySpec.EcP256, "t/leaf"), root);
        var file = dir.Write("b.p7b", PkiWriter.Pkcs7Pem([leaf.Certificate, root.Certificate]));

        var output = OpenSsl.Line($"pkcs7 -in {file} -print_certs -noout");

        Assert.That(output.IndexOf("CN = p7", StringComparison.Ordinal), Is.LessThan(output.IndexOf("CN = P7 Root", StringComparison.Ordinal)));
    }

    [Test]
    public void CsrPem_WhenBrokenSignature_OpenSslRejectsIt()
    {
        using var dir = new TempDir();
        var keys = KeyCache.Shared.Get(KeySpec.Rsa2048, "t/writer");
        var csr = CsrFactory.Create(new CsrSpec { Subject = "CN=req", Sans = [SubjectAltName.Dns("req.test")] }, keys);
        var good = dir.Write("good.csr", PkiWriter.CsrPem(csr));
        var bad = dir.Write("bad.csr", PkiWriter.CsrPem(CsrFactory.WithBrokenSignature(csr)));

        var (_, goodOut, goodErr) = OpenSsl.TryLine($"req -in {good} -verify -noout");
        var (_, badOut, badErr) = OpenSsl.TryLine($"req -in {bad} -verify -noout");

        Assert.That(goodOut + goodErr, Does.Contain("verify OK"));
        Assert.That(badOut + badErr, Does.Contain("verify failure"));
    }
}
