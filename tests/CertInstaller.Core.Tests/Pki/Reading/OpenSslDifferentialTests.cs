using System.Net;
using System.Text.RegularExpressions;
using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Tests.Pki.Reading;

/// <summary>What certharness reads must agree with what /usr/bin/openssl reports on the same generated files.</summary>
public class OpenSslDifferentialTests
{
    private const string Subject = "C=US, ST=Indiana, O=Example Site, OU=Interaction Center, OU=Servers, OU=Line 2, CN=ic1.example.test";

    [TestCase(KeyKind.Rsa, 2048, DigestAlgorithm.Sha256, false)]
    [TestCase(KeyKind.Rsa, 3072, DigestAlgorithm.Sha1, true)]
    [TestCase(KeyKind.Rsa, 4096, DigestAlgorithm.Sha384, false)]
    [TestCase(KeyKind.Ec, 256, DigestAlgorithm.Sha256, true)]
    [TestCase(KeyKind.Ec, 384, DigestAlgorithm.Sha384, false)]
    [TestCase(KeyKind.Ec, 256, DigestAlgorithm.Sha1, false)]
    public void Describe_WhenCertificate_AgreesWithOpenSsl(KeyKind kind, int size, DigestAlgorithm digest, bool der)
    {
        using var dir = new TempDir();
        var keys = KeyCache.Shared.Get(new KeySpec(kind, size), "diff/" + kind + size);
        var cert = CertificateFactory.SelfSigned(new CertificateSpec
        {
            Subject = Subject,
            Digest = digest,
            Sans = [SubjectAltName.Dns("ic1.example.test"), SubjectAltName.Ip("10.1.2.3"), SubjectAltName.Ip("2001:db8::17"),
                SubjectAltName.Email("admin@example.test"), SubjectAltName.Uri("https://ic1.example.test/")],
        }, keys).Certificate;
        var file = der ? dir.Write("c.cer", PkiWriter.CertificateDer(cert)) : dir.Write("c.cer", PkiWriter.CertificatePem(cert));
        var form = der ? "-inform DER" : string.Empty;

        var d = PkiDescriber.Describe(((CertificateObject)new PkiReader().ReadFile(file).Objects.Single()).Certificate);
        var text = OpenSsl.Line($"x509 -in {file} {form} -noout -text");

        Assert.That("subject=" + d.Subject.OneLine, Is.EqualTo(OpenSsl.Line($"x509 -in {file} {form} -noout -subject").Trim()));
        Assert.That("issuer=" + d.Issuer.OneLine, Is.EqualTo(OpenSsl.Line($"x509 -in {file} {form} -noout -issuer").Trim()));
        Assert.That("serial=" + d.Serial, Is.EqualTo(OpenSsl.Line($"x509 -in {file} {form} -noout -serial").Trim()));
        Assert.That(d.Subject.ValuesOf("OU"), Is.EqualTo(new[] { "Interaction Center", "Servers", "Line 2" }));
        Assert.That(text, Does.Contain($"Public-Key: ({d.PublicKey.Bits} bit)"));
        Assert.That(text, Does.Contain("Signature Algorithm: " + d.Signature.Algorithm));
        Assert.That(d.Signature.Digest, Is.EqualTo(digest));
        Assert.That(Fingerprint(OpenSsl.Line($"x509 -in {file} {form} -noout -fingerprint -sha256")), Is.EqualTo(d.Fingerprints.Sha256));
        Assert.That(Fingerprint(OpenSsl.Line($"x509 -in {file} {form} -noout -fingerprint -sha1")), Is.EqualTo(d.Fingerprints.Sha1));
        Assert.That(d.Sans, Is.EquivalentTo(OpenSslSans(OpenSsl.Line($"x509 -in {file} {form} -noout -ext subjectAltName"))));
        if (kind == KeyKind.Ec)
        {
            Assert.That(text, Does.Contain("NIST CURVE: " + d.PublicKey.Curve));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Describe_WhenCsr_AgreesWithOpenSsl(bool der)
    {
        using var dir = new TempDir();
        var csr = CsrFactory.Create(new CsrSpec { Subject = Subject, Sans = [SubjectAltName.Dns("a.example.test"), SubjectAltName.Ip("fe80::1")] },
            KeyCache.Shared.Get(KeySpec.EcP384, "diff/csr"));
        var file = der ? dir.Write("r.csr", PkiWriter.CsrDer(csr)) : dir.Write("r.csr", PkiWriter.CsrPem(csr));
        var form = der ? "-inform DER" : string.Empty;

        var d = PkiDescriber.Describe(((CsrObject)new PkiReader().ReadFile(file).Objects.Single()).Request);
        var text = OpenSsl.Line($"req -in {file} {form} -noout -text");

        Assert.That("subject=" + d.Subject.OneLine, Is.EqualTo(OpenSsl.Line($"req -in {file} {form} -noout -subject").Trim()));
        Assert.That(text, Does.Contain($"Public-Key: ({d.PublicKey.Bits} bit)").And.Contain("Signature Algorithm: " + d.Signature.Algorithm));
        Assert.That(d.SignatureValid, Is.True);
        Assert.That(d.Sans, Is.EquivalentTo(OpenSslSans(text.Substring(text.IndexOf("Subject Alternative Name", StringComparison.Ordinal)))));
    }

    [TestCase(KeyFormat.EncryptedPkcs8)]
    [TestCase(KeyFormat.LegacyEncrypted)]
    [TestCase(KeyFormat.Pkcs1)]
    public void DescribeKey_WhenKeyFile_AgreesWithOpenSslOnSize(KeyFormat format)
    {
        using var dir = new TempDir();
        var keys = KeyCache.Shared.Get(KeySpec.Rsa(3072), "diff/" + KeyKind.Rsa + 3072);
        var file = dir.Write("k.pem", PkiWriter.PrivateKeyPem(keys.Private, format, "pw"));

        var key = (PrivateKeyObject)new PkiReader("pw").ReadFile(file).Objects.Single();

        Assert.That(OpenSsl.Line($"pkey -in {file} -passin pass:pw -noout -text"), Does.Contain($"({PkiDescriber.DescribeKey(key.Key).Bits} bit"));
        Assert.That(key.Format, Is.EqualTo(format));
    }

    [Test]
    public void Read_WhenPkcs12_CertificatesMatchOpenSslFingerprints()
    {
        using var dir = new TempDir();
        var file = dir.Write("a.pfx", PkiWriter.Pkcs12(
            Fixtures.LeafCert.Certificate, Fixtures.LeafCert.Keys.Private, [Fixtures.Intermediate.Certificate, Fixtures.Root.Certificate], "pw"));
        var pem = dir.Write("certs.pem", OpenSsl.Line($"pkcs12 -in {file} -passin pass:pw -nokeys"));

        var p12 = (Pkcs12Object)new PkiReader("pw").ReadFile(file).Objects.Single();
        var fromOpenSsl = CertificateSource.CertificatesOf(new PkiReader().ReadFile(pem)).Select(c => PkiDescriber.Describe(c).Fingerprints.Sha256);

        Assert.That(p12.Certificates.Select(c => PkiDescriber.Describe(c).Fingerprints.Sha256), Is.EquivalentTo(fromOpenSsl));
        Assert.That(KeyMatcher.Matches(p12.Keys.Single(), p12.Certificates[0].GetPublicKey()), Is.True);
    }

    private static string Fingerprint(string openssl) => openssl.Trim().Split('=')[1].Replace(":", string.Empty).ToLowerInvariant();

    private static IEnumerable<SubjectAltName> OpenSslSans(string openssl)
    {
        var line = openssl.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("DNS:", StringComparison.Ordinal) || l.StartsWith("IP", StringComparison.Ordinal));
        foreach (var part in Regex.Split(line, ", "))
        {
            var colon = part.IndexOf(':');
            var (type, value) = (part.Substring(0, colon), part.Substring(colon + 1));
            yield return type switch
            {
                "DNS" => SubjectAltName.Dns(value),
                "IP Address" => SubjectAltName.Ip(IPAddress.Parse(value).ToString()),
                "email" => SubjectAltName.Email(value),
                "URI" => SubjectAltName.Uri(value),
                _ => new SubjectAltName(SanType.Other, part),
            };
        }
    }
}
