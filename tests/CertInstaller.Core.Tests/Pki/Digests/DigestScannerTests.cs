using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Tests.Pki.Digests;

public class DigestScannerTests
{
    [TestCase(KeyKind.Rsa, DigestAlgorithm.Md5, false, "md5WithRSAEncryption")]
    [TestCase(KeyKind.Rsa, DigestAlgorithm.Sha1, false, "sha1WithRSAEncryption")]
    [TestCase(KeyKind.Rsa, DigestAlgorithm.Sha224, false, "sha224WithRSAEncryption")]
    [TestCase(KeyKind.Rsa, DigestAlgorithm.Sha256, false, "sha256WithRSAEncryption")]
    [TestCase(KeyKind.Rsa, DigestAlgorithm.Sha512, false, "sha512WithRSAEncryption")]
    [TestCase(KeyKind.Rsa, DigestAlgorithm.Sha384, true, "rsassaPss")]
    [TestCase(KeyKind.Rsa, DigestAlgorithm.Sha1, true, "rsassaPss")]
    [TestCase(KeyKind.Ec, DigestAlgorithm.Sha1, false, "ecdsa-with-SHA1")]
    [TestCase(KeyKind.Ec, DigestAlgorithm.Sha384, false, "ecdsa-with-SHA384")]
    [TestCase(KeyKind.Ed25519, DigestAlgorithm.Sha512, false, "ED25519")]
    public void Scan_WhenSignedWith_ClassifiesDigest(KeyKind kind, DigestAlgorithm digest, bool pss, string algorithm)
    {
        using var dir = new TempDir();
        var spec = kind == KeyKind.Rsa ? KeySpec.Rsa2048 : kind == KeyKind.Ec ? KeySpec.EcP256 : KeySpec.Ed25519;
        var cert = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=d") with { Digest = digest, RsaPss = pss }, Fixtures.Key("digest", spec));
        dir.Write("sub/dir/c.cer", PkiWriter.CertificatePem(cert.Certificate));

        var report = DigestScanner.Scan(dir.Path, DigestPolicy.Default, new PkiReader());

        var entry = report.Entries.Single();
        Assert.That(entry.File.RelativePath, Is.EqualTo("sub/dir/c.cer"));
        Assert.That(entry.Signature.Algorithm, Is.EqualTo(algorithm));
        Assert.That(entry.Signature.Digest, Is.EqualTo(digest));
        Assert.That(entry.Ok, Is.EqualTo(digest >= DigestAlgorithm.Sha256));
    }

    [TestCase(DigestAlgorithm.Sha1, true)]
    [TestCase(DigestAlgorithm.Sha256, false)]
    public void Scan_WhenMinimumGiven_JudgesSha1Against(DigestAlgorithm minimum, bool ok)
    {
        using var dir = new TempDir();
        dir.Write("legacy.cer", PkiWriter.CertificatePem(Fixtures.Leaf("sha1.test", digest: DigestAlgorithm.Sha1).Certificate));
        dir.Write("notes.txt", "not a certificate");
        dir.Write("key.bin", PkiWriter.PrivateKeyPem(Fixtures.Key("digest-key", KeySpec.EcP256).Private, KeyFormat.Pkcs8));

        var report = DigestScanner.Scan(dir.Path, new DigestPolicy(minimum), new PkiReader());

        Assert.That(report.Entries.Select(e => e.Ok), Is.EqualTo(new[] { ok }));
        Assert.That(report.Unreadable.Select(u => u.File.RelativePath), Is.EqualTo(new[] { "notes.txt" }));
    }

    [TestCase("SHA-256", DigestAlgorithm.Sha256)]
    [TestCase("sha1", DigestAlgorithm.Sha1)]
    [TestCase("SHA384", DigestAlgorithm.Sha384)]
    public void TryParse_WhenKnownName_ReturnsDigest(string text, DigestAlgorithm expected)
    {
        Assert.That(DigestNames.TryParse(text, out var digest), Is.True);
        Assert.That(digest, Is.EqualTo(expected));
    }
}
