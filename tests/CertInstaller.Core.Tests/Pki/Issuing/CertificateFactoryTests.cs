using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki.Issuing;

public class CertificateFactoryTests
{
    [Test]
    public void Issue_WhenChainOfThree_OpenSslVerifiesIt()
    {
        using var dir = new TempDir();
        var root = CertificateFactory.SelfSigned(CertificateSpec.Ca("C=US, O=T, CN=Root"), KeyCache.Shared.Get(KeySpec.Rsa2048, "t/root"));
        var ca = CertificateFactory.Issue(CertificateSpec.Ca("C=US, O=T, CN=CA", 0), KeyCache.Shared.Get(KeySpec.EcP256, "t/ca"), root);
        var leaf = CertificateFactory.Issue(
            CertificateSpec.Leaf("C=US, O=T, OU=A, OU=B, CN=host", SubjectAltName.Dns("host.test"), SubjectAltName.Ip("2001:db8::1")),
            KeyCache.Shared.Get(KeySpec.EcP384, "t/leaf"), ca);

        var rootFile = dir.Write("root.pem", PkiWriter.CertificatePem(root.Certificate));
        var caFile = dir.Write("ca.pem", PkiWriter.CertificatePem(ca.Certificate));
        var leafFile = dir.Write("leaf.pem", PkiWriter.CertificatePem(leaf.Certificate));

        Assert.That(OpenSsl.Line($"verify -CAfile {rootFile} -untrusted {caFile} {leafFile}"), Does.Contain("OK"));
        Assert.That(OpenSsl.Line($"x509 -in {leafFile} -noout -subject"), Does.Contain("OU = A, OU = B, CN = host"));
    }

    [TestCase(DigestAlgorithm.Sha1, "sha1WithRSAEncryption")]
    [TestCase(DigestAlgorithm.Sha256, "sha256WithRSAEncryption")]
    [TestCase(DigestAlgorithm.Md5, "md5WithRSAEncryption")]
    public void SelfSigned_WhenDigestGiven_UsesIt(DigestAlgorithm digest, string expected)
    {
        using var dir = new TempDir();
        var cert = CertificateFactory.SelfSigned(
            CertificateSpec.Ca("CN=Digest") with { Digest = digest }, KeyCache.Shared.Get(KeySpec.Rsa2048, "t/root"));
        var file = dir.Write("c.pem", PkiWriter.CertificatePem(cert.Certificate));

        Assert.That(OpenSsl.Line($"x509 -in {file} -noout -text"), Does.Contain("Signature Algorithm: " + expected));
    }

    [Test]
    public void KeyGenerator_WhenSameSeed_GivesSameKey()
    {
        var a = KeyGenerator.Generate(KeySpec.EcP256, "seed");
        var b = KeyGenerator.Generate(KeySpec.EcP256, "seed");
        var c = KeyGenerator.Generate(KeySpec.EcP256, "other");

        Assert.That(KeyMatcher.Matches(a.Private, b.Public), Is.True);
        Assert.That(KeyMatcher.Matches(a.Private, c.Public), Is.False);
    }
}
