using System.Text;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Tests.Pki.Reading;

/// <summary>Issue 11, §11: control characters in subjects and PEM labels were printed raw to the terminal.</summary>
public class ControlCharacterTests
{
    private static readonly char[] Controls = ['\n', '\r', '\u001b', '\u0007', '\u007f'];

    [Test]
    public void DescribeName_WhenSubjectHoldsControlCharacters_EscapesThemAsOpenSslDoes()
    {
        using var dir = new TempDir();
        var name = new Org.BouncyCastle.Asn1.X509.X509Name(
            [Org.BouncyCastle.Asn1.X509.X509Name.O, Org.BouncyCastle.Asn1.X509.X509Name.CN],
            new[] { "Example", "ic1\nCI3002 error forged\u001b[2J\u0007\u007f" });
        var keys = KeyCache.Shared.Get(KeySpec.EcP256, "control-characters");
        var generator = new Org.BouncyCastle.X509.X509V3CertificateGenerator();
        generator.SetSerialNumber(Org.BouncyCastle.Math.BigInteger.One);
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        generator.SetNotAfter(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        generator.SetPublicKey(keys.Public);
        var cert = generator.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SHA256WITHECDSA", keys.Private));
        var file = dir.Write("evil.cer", PkiWriter.CertificatePem(cert));

        var oneLine = PkiDescriber.Describe(((CertificateObject)new PkiReader().ReadFile(file).Objects.Single()).Certificate).Subject.OneLine;

        Assert.That(oneLine.IndexOfAny(Controls), Is.EqualTo(-1));
        Assert.That("subject=" + oneLine, Is.EqualTo(OpenSsl.Line($"x509 -in {file} -noout -subject").Trim()));
    }

    [Test]
    public void ReadFile_WhenPemLabelHoldsControlCharacters_ReportsItEscaped()
    {
        using var dir = new TempDir();
        var file = dir.Write("label.pem", Encoding.ASCII.GetBytes("-----BEGIN X\u001b[2J\u0007-----\nMA==\n-----END X\u001b[2J\u0007-----\n"));

        var error = new PkiReader().ReadFile(file).Error!;

        Assert.That(error.Code, Is.EqualTo(ReadErrorCode.UnsupportedPemLabel));
        Assert.That((error.Problem + error.Hint).IndexOfAny(Controls), Is.EqualTo(-1));
    }

    [TestCase("illegal object in GetInstance: Org.BouncyCastle.Asn1.DLTaggedObject (Parameter 'obj')")]
    [TestCase("Unable to cast object of type 'Org.BouncyCastle.Asn1.DerSequence' to type 'Org.BouncyCastle.Asn1.DerInteger'.")]
    [TestCase("cannot derive the public key of a DsaPrivateKeyParameters (Parameter 'privateKey')")]
    [TestCase("unknown object in factory: DerOctetString\n   at Org.BouncyCastle.Asn1.Asn1Sequence.GetInstance(Object obj)")]
    public void Brief_WhenLibraryMessageNamesTypes_LeavesNoTypeName(string message) =>
        Assert.That(Core.Text.Messages.Brief(message), Does.Not.Match(@"BouncyCastle|\b(Der|Ber|DL|Asn1)[A-Z]\w+|\w+Parameters\b|\(Parameter|\n"));
}
