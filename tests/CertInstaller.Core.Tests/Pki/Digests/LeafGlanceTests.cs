using System.Text;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki.Digests;

public class LeafGlanceTests
{
    private static readonly Lazy<IssuedCertificate> Ca = new(() =>
        CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=Glance Root, O=Example"), Fixtures.Key("glance/root")));

    [Test]
    public void TryRead_WhenOnePemLeaf_GivesTheNameHashesOfTheFullRead()
    {
        var leaf = Issue(CertificateSpec.Leaf("CN=glance-leaf, O=Example"));

        var glanced = new LeafGlance().TryRead(Pem(leaf), out var issuer, out var subject);

        Assert.That(glanced, Is.True);
        Assert.That(issuer, Is.EqualTo(DigestStream.NameHash(leaf.IssuerDN)));
        Assert.That(subject, Is.EqualTo(DigestStream.NameHash(leaf.SubjectDN)));
        Assert.That(issuer, Is.Not.EqualTo(subject));
    }

    [TestCase("ca")]
    [TestCase("key usage keyCertSign")]
    [TestCase("self-signed")]
    [TestCase("names equivalent, not equal")]
    [TestCase("der")]
    [TestCase("two blocks")]
    [TestCase("certificate and key")]
    [TestCase("text before")]
    [TestCase("public key label")]
    [TestCase("truncated")]
    public void TryRead_WhenNotPlainlyOneLeaf_IsFalseSoTheFileIsReadFully(string shape)
    {
        var leaf = Issue(CertificateSpec.Leaf("CN=glance-leaf"));
        var data = shape switch
        {
            "ca" => Pem(Issue(CertificateSpec.Ca("CN=Glance Sub CA"))),
            "key usage keyCertSign" => Pem(Issue(CertificateSpec.Leaf("CN=signer") with { KeyUsage = KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyCertSign })),
            "self-signed" => Pem(CertificateFactory.SelfSigned(CertificateSpec.Leaf("CN=self"), Fixtures.Key("glance/self")).Certificate),
            // X509Name.Equivalent ignores case: the pool's self-issued test counts this one as self-issued.
            "names equivalent, not equal" => Pem(Issue(CertificateSpec.Leaf("CN=glance root, O=example"))),
            "der" => leaf.GetEncoded(),
            "two blocks" => Concat(Pem(leaf), Pem(leaf)),
            "certificate and key" => Concat(Pem(leaf), Encoding.ASCII.GetBytes(PkiWriter.PrivateKeyPem(Fixtures.Key("glance/leaf").Private, KeyFormat.Pkcs8))),
            "text before" => Concat(Encoding.ASCII.GetBytes("-----BEGIN nothing\n"), Pem(leaf)),
            "public key label" => Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Pem(leaf)).Replace("CERTIFICATE", "PUBLIC KEY")),
            "truncated" => Encoding.ASCII.GetBytes(PemOf(leaf.GetEncoded().AsSpan(0, leaf.GetEncoded().Length - 40).ToArray())),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };

        Assert.That(new LeafGlance().TryRead(data, out _, out _), Is.False);
    }

    private static Org.BouncyCastle.X509.X509Certificate Issue(CertificateSpec spec) =>
        CertificateFactory.Issue(spec, Fixtures.Key("glance/leaf"), Ca.Value).Certificate;

    private static byte[] Pem(Org.BouncyCastle.X509.X509Certificate certificate) => Encoding.ASCII.GetBytes(PkiWriter.CertificatePem(certificate));

    private static string PemOf(byte[] der) =>
        "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n";

    private static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];
}
