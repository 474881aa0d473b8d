using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Signatures;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Tests.Pki.Signatures;

/// <summary>
/// MD2 and MD5 stay BouncyCastle's: the BCL verifier never judges them itself, the verdict is BouncyCastle's (the
/// signature arithmetic holds, so it verifies, as it always did), and the digest policy goes on refusing them.
/// </summary>
public class LegacyDigestTests
{
    [TestCase("MD2WITHRSA", DigestAlgorithm.Md2, "md2WithRSAEncryption")]
    [TestCase("MD5WITHRSA", DigestAlgorithm.Md5, "md5WithRSAEncryption")]
    public void Verifies_WhenMd2OrMd5_IsBouncyCastlesVerdictAndThePolicyRefusesIt(string algorithm, DigestAlgorithm digest, string name)
    {
        var keys = Fixtures.Key("legacy-digest");
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.One);
        generator.SetIssuerDN(new X509Name("CN=legacy"));
        generator.SetSubjectDN(new X509Name("CN=legacy"));
        generator.SetNotBefore(Fixtures.Start.UtcDateTime);
        generator.SetNotAfter(Fixtures.Start.UtcDateTime.AddYears(1));
        generator.SetPublicKey(keys.Public);
        var certificate = generator.Generate(new Asn1SignatureFactory(algorithm, keys.Private, new SecureRandom()));
        var bcl = SignatureVerifiers.CreateBcl();

        Assert.That(bcl.TryVerify(certificate, certificate), Is.Null, "handed to BouncyCastle");
        Assert.That(bcl.Verifies(certificate, certificate), Is.EqualTo(SignatureVerifiers.BouncyCastle.Verifies(certificate, certificate)));
        Assert.That(SignatureVerifiers.BouncyCastle.Verifies(certificate, certificate), Is.True);
        Assert.That(DigestPolicy.Default.Accepts(digest), Is.False);
        Assert.That(new DigestPolicy(DigestAlgorithm.Sha1).Accepts(digest), Is.False);
        var signature = PkiDescriber.DescribeSignature(certificate.CertificateStructure.SignatureAlgorithm);
        Assert.That((signature.Algorithm, signature.Digest), Is.EqualTo((name, digest)));
    }
}
