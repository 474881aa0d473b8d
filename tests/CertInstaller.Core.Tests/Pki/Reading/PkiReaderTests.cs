using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Tests.Pki.Reading;

public class PkiReaderTests
{
    private static readonly PkiReader Reader = new("secret");

    public static IEnumerable<TestCaseData> Formats()
    {
        var rsa = Fixtures.Key("reader");
        var ec = Fixtures.Key("reader-ec", KeySpec.EcP256);
        var csr = CsrFactory.Create(new CsrSpec { Subject = "CN=req" }, rsa);
        var leaf = Fixtures.LeafCert.Certificate;
        var chain = new[] { leaf, Fixtures.Intermediate.Certificate };
        byte[] Text(string s) => System.Text.Encoding.ASCII.GetBytes(s);
        TestCaseData Case(string name, byte[] data, PkiObjectKind kind) =>
            new TestCaseData(data, kind).SetName($"Read_When{name}_Detects{kind}");

        yield return Case("cert-pem", Text(PkiWriter.CertificatePem(leaf)), PkiObjectKind.Certificate);
        yield return Case("cert-der", PkiWriter.CertificateDer(leaf), PkiObjectKind.Certificate);
        yield return Case("csr-pem", Text(PkiWriter.CsrPem(csr)), PkiObjectKind.Csr);
        yield return Case("csr-new-label", Text(PkiWriter.CsrPem(csr, newLabel: true)), PkiObjectKind.Csr);
        yield return Case("csr-der", PkiWriter.CsrDer(csr), PkiObjectKind.Csr);
        yield return Case("rsa-pkcs1-pem", Text(PkiWriter.PrivateKeyPem(rsa.Private, KeyFormat.Pkcs1)), PkiObjectKind.PrivateKey);
        yield return Case("rsa-pkcs1-der", PkiWriter.PrivateKeyDer(rsa.Private, KeyFormat.Pkcs1), PkiObjectKind.PrivateKey);
        yield return Case("rsa-pkcs8-pem", Text(PkiWriter.PrivateKeyPem(rsa.Private, KeyFormat.Pkcs8)), PkiObjectKind.PrivateKey);
        yield return Case("rsa-pkcs8-der", PkiWriter.PrivateKeyDer(rsa.Private, KeyFormat.Pkcs8), PkiObjectKind.PrivateKey);
        yield return Case("rsa-enc-pkcs8-pem", Text(PkiWriter.PrivateKeyPem(rsa.Private, KeyFormat.EncryptedPkcs8, "secret")), PkiObjectKind.PrivateKey);
        yield return Case("rsa-enc-pkcs8-der", PkiWriter.PrivateKeyDer(rsa.Private, KeyFormat.EncryptedPkcs8, "secret"), PkiObjectKind.PrivateKey);
        yield return Case("rsa-legacy-enc", Text(PkiWriter.PrivateKeyPem(rsa.Private, KeyFormat.LegacyEncrypted, "secret")), PkiObjectKind.PrivateKey);
        yield return Case("ec-sec1-pem", Text(PkiWriter.PrivateKeyPem(ec.Private, KeyFormat.Pkcs1)), PkiObjectKind.PrivateKey);
        yield return Case("ec-sec1-der", PkiWriter.PrivateKeyDer(ec.Private, KeyFormat.Pkcs1), PkiObjectKind.PrivateKey);
        yield return Case("ec-legacy-enc", Text(PkiWriter.PrivateKeyPem(ec.Private, KeyFormat.LegacyEncrypted, "secret")), PkiObjectKind.PrivateKey);
        yield return Case("pkcs12", PkiWriter.Pkcs12(leaf, Fixtures.LeafCert.Keys.Private, [Fixtures.Intermediate.Certificate], "secret"), PkiObjectKind.Pkcs12);
        yield return Case("pkcs7-pem", Text(PkiWriter.Pkcs7Pem(chain)), PkiObjectKind.Pkcs7);
        yield return Case("pkcs7-der", PkiWriter.Pkcs7Der(chain), PkiObjectKind.Pkcs7);
    }

    [TestCaseSource(nameof(Formats))]
    public void Read_WhenFormatGiven_DetectsKindFromBytes(byte[] data, PkiObjectKind expected)
    {
        var result = Reader.Read("input.bin", data);

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Objects.Select(o => o.Kind), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Read_WhenPemHoldsSeveralObjects_KeepsFileOrder()
    {
        var text = PkiWriter.CertificatePem(Fixtures.LeafCert.Certificate)
            + PkiWriter.PrivateKeyPem(Fixtures.LeafCert.Keys.Private, KeyFormat.Pkcs8)
            + PkiWriter.CertificatePem(Fixtures.Root.Certificate);

        var result = Reader.Read("bundle.pem", System.Text.Encoding.ASCII.GetBytes(text));

        Assert.That(result.Objects.Select(o => o.Kind),
            Is.EqualTo(new[] { PkiObjectKind.Certificate, PkiObjectKind.PrivateKey, PkiObjectKind.Certificate }));
    }

    [TestCase("")]
    [TestCase("Zertifikat für den Server (UTF-8)\n")]
    [TestCase("Subject: CN=leaf\r\n\r\n")]
    public void Read_WhenPemIsAsciiOrNot_ReadsTheSameObjectsFromBytesAsFromText(string explanatory)
    {
        var text = explanatory + PkiWriter.CertificatePem(Fixtures.LeafCert.Certificate) + explanatory
            + PkiWriter.PrivateKeyPem(Fixtures.LeafCert.Keys.Private, KeyFormat.Pkcs8);

        var result = Reader.Read("bundle.pem", System.Text.Encoding.UTF8.GetBytes(text));

        Assert.That(result.Ok, Is.True);
        Assert.That(result.Objects.Select(o => o.Kind), Is.EqualTo(new[] { PkiObjectKind.Certificate, PkiObjectKind.PrivateKey }));
        Assert.That(((CertificateObject)result.Objects[0]).Certificate, Is.EqualTo(Fixtures.LeafCert.Certificate));
    }

    [TestCase(KeyFormat.EncryptedPkcs8, "wrong", ReadErrorCode.WrongPassword)]
    [TestCase(KeyFormat.LegacyEncrypted, "wrong", ReadErrorCode.WrongPassword)]
    [TestCase(KeyFormat.EncryptedPkcs8, null, ReadErrorCode.PasswordRequired)]
    [TestCase(KeyFormat.LegacyEncrypted, null, ReadErrorCode.PasswordRequired)]
    public void Read_WhenPasswordWrongOrMissing_ReturnsCode(KeyFormat format, string? password, ReadErrorCode expected)
    {
        var pem = PkiWriter.PrivateKeyPem(Fixtures.Key("reader").Private, format, "secret");

        var result = new PkiReader(password).Read("key.pem", System.Text.Encoding.ASCII.GetBytes(pem));

        Assert.That(result.Error?.Code, Is.EqualTo(expected));
        Assert.That(result.Error?.Path, Is.EqualTo("key.pem"));
    }

    [TestCase("wrong", ReadErrorCode.WrongPassword)]
    [TestCase(null, ReadErrorCode.PasswordRequired)]
    public void Read_WhenPkcs12PasswordWrongOrMissing_ReturnsCode(string? password, ReadErrorCode expected)
    {
        var pfx = PkiWriter.Pkcs12(Fixtures.LeafCert.Certificate, Fixtures.LeafCert.Keys.Private, [], "secret");

        Assert.That(new PkiReader(password).Read("a.pfx", pfx).Error?.Code, Is.EqualTo(expected));
    }

    public static IEnumerable<TestCaseData> Hostile()
    {
        var der = PkiWriter.CertificateDer(Fixtures.LeafCert.Certificate);
        var random = new byte[512];
        new Random(42).NextBytes(random);
        random[0] = 0x17;
        yield return new TestCaseData(Array.Empty<byte>(), ReadErrorCode.Empty).SetName("Read_WhenEmpty_ReturnsEmpty");
        yield return new TestCaseData(der.Take(der.Length / 2).ToArray(), ReadErrorCode.Malformed).SetName("Read_WhenTruncatedDer_ReturnsMalformed");
        yield return new TestCaseData(random, ReadErrorCode.NotPki).SetName("Read_WhenRandomBytes_ReturnsNotPki");
        yield return new TestCaseData(System.Text.Encoding.ASCII.GetBytes("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n"), ReadErrorCode.UnsupportedPemLabel)
            .SetName("Read_WhenWrongPemLabel_ReturnsUnsupportedPemLabel");
        yield return new TestCaseData(new byte[] { 0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00 }, ReadErrorCode.Malformed)
            .SetName("Read_WhenAbsurdLength_ReturnsMalformed");
        yield return new TestCaseData(System.Text.Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n"), ReadErrorCode.Malformed)
            .SetName("Read_WhenPemNotClosed_ReturnsMalformed");
        yield return new TestCaseData(System.Text.Encoding.ASCII.GetBytes("hello, world\n"), ReadErrorCode.NotPki).SetName("Read_WhenText_ReturnsNotPki");
    }

    [TestCaseSource(nameof(Hostile))]
    public void Read_WhenHostileInput_ReturnsCodeNamingTheFile(byte[] data, ReadErrorCode expected)
    {
        var result = Reader.Read("/tmp/hostile.bin", data);

        Assert.That(result.Error?.Code, Is.EqualTo(expected));
        Assert.That(result.Error!.ToString(), Does.StartWith("/tmp/hostile.bin: "));
    }

    [Test]
    public void Read_WhenPkcs12HasEmptyPassword_OpensWithoutOne()
    {
        var pfx = PkiWriter.Pkcs12(Fixtures.LeafCert.Certificate, Fixtures.LeafCert.Keys.Private, [], string.Empty);

        var result = new PkiReader().Read("empty-password.pfx", pfx);

        Assert.That(result.Objects.Single(), Is.InstanceOf<Pkcs12Object>());
    }

    [Test]
    public void ReadFile_WhenDirectory_ReturnsUnreadableSayingSo()
    {
        using var dir = new TempDir();

        var result = Reader.ReadFile(dir.Path);

        Assert.That(result.Error?.Code, Is.EqualTo(ReadErrorCode.Unreadable));
        Assert.That(result.Error?.Problem, Does.Contain("directory"));
    }

    [Test]
    public void ReadFile_WhenMissing_ReturnsUnreadable()
    {
        Assert.That(Reader.ReadFile("/nonexistent/x.cer").Error?.Code, Is.EqualTo(ReadErrorCode.Unreadable));
    }

    [Test]
    public void Read_WhenOpenSslEncryptedPkcs8_Decrypts()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "k.pem");
        OpenSsl.Line($"genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes-256-cbc -pass pass:secret -out {file}");

        var result = Reader.ReadFile(file);

        Assert.That(result.Objects.Single(), Is.InstanceOf<PrivateKeyObject>().With.Property("Format").EqualTo(KeyFormat.EncryptedPkcs8));
    }
}
