using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Samples;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki.Digests;

public class DigestStreamTests
{
    private static readonly DateTimeOffset At = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestCase(TrustMode.SelfSigned, false, false)]
    [TestCase(TrustMode.ThirdPartyServerGroup, false, false)]
    [TestCase(TrustMode.ThirdPartyPerUseType, false, false)]
    [TestCase(TrustMode.ThirdPartyServerGroup, true, false)]
    [TestCase(TrustMode.ThirdPartyPerUseType, false, true)]
    public void Run_WhenIcFolder_GivesVerifyAllsVerdictsAndPathsInFileOrder(TrustMode trust, bool withoutIntermediates, bool anchorsGiven)
    {
        using var dir = new TempDir();
        new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec { Trust = trust });
        if (withoutIntermediates)
        {
            // Every file holding a CA certificate that is not self-signed goes: those chains must fail the same way.
            foreach (var (path, certificate) in CertificateSource.Collect([dir.Path], new PkiReader()).Certificates)
            {
                if (certificate.GetBasicConstraints() >= 0 && !FolderChainVerifier.IsSelfSigned(certificate))
                {
                    File.Delete(path);
                }
            }
        }

        var certificates = CertificateSource.Collect([dir.Path], new PkiReader()).Certificates.Select(c => c.Certificate).ToList();
        var anchors = anchorsGiven ? new CertificatePool(certificates.Where(FolderChainVerifier.IsSelfSigned)) : new CertificatePool();
        var expected = FolderChainVerifier.VerifyAll(certificates, anchors, At).Select(Summary).ToList();

        var actual = new List<string>();
        var stream = DigestStream.Prepare(dir.Path, DigestPolicy.Default, new PkiReader(), new ChainScanOptions(anchors, At, new ChainBuilder()));
        stream.Run((entry, chain) => chain is null ? null : Summary(chain), s =>
        {
            if (s is not null) actual.Add(s);
        });

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(expected.Count(s => s.StartsWith("False", StringComparison.Ordinal)), withoutIntermediates ? Is.GreaterThan(0) : Is.EqualTo(0));
        Assert.That(stream.PoolSize, Is.LessThan(certificates.Count), "the leaves are not kept in the pool");
    }

    [Test]
    public void Run_WhenAnEndEntityCertificateIssuedAnother_KeepsItInThePoolAsVerifyAllDoes()
    {
        using var dir = new TempDir();
        var root = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=Stream Root"), Fixtures.Key("stream/root"));
        var notCa = CertificateFactory.Issue(CertificateSpec.Leaf("CN=Not A CA"), Fixtures.Key("stream/not-ca"), root);
        var leaf = CertificateFactory.Issue(CertificateSpec.Leaf("CN=leaf"), Fixtures.Key("stream/leaf"), notCa);
        dir.Write("a-leaf.cer", PkiWriter.CertificatePem(leaf.Certificate));
        dir.Write("b-not-ca.cer", PkiWriter.CertificatePem(notCa.Certificate));
        dir.Write("c-root.cer", PkiWriter.CertificatePem(root.Certificate));
        var certificates = new[] { leaf.Certificate, notCa.Certificate, root.Certificate };
        var expected = FolderChainVerifier.VerifyAll(certificates, new CertificatePool(), At).Select(Summary).ToList();

        var actual = new List<string?>();
        DigestStream.Prepare(dir.Path, DigestPolicy.Default, new PkiReader(), new ChainScanOptions(new CertificatePool(), At, new ChainBuilder()))
            .Run((entry, chain) => chain is null ? null : Summary(chain), actual.Add);

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(expected[0], Does.Contain(nameof(ChainProblemCode.IssuerNotCa)), "the leaf's path runs through the end-entity certificate");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Run_WhenFolderHasUnreadableFilesAndLinks_ListsEntriesAsScanAndSkippedInPathOrder(bool chains)
    {
        using var dir = new TempDir();
        new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec());
        dir.Write("Client/zz-junk.cer", "not a certificate"u8.ToArray());
        dir.Write("aa-empty.cer", Array.Empty<byte>());
        File.CreateSymbolicLink(Path.Combine(dir.Path, "m-link.cer"), Path.Combine(dir.Path, "aa-empty.cer"));
        var scan = DigestScanner.Scan(dir.Path, DigestPolicy.Default, new PkiReader());

        var entries = new List<string>();
        var stream = DigestStream.Prepare(dir.Path, DigestPolicy.Default, new PkiReader(),
            chains ? new ChainScanOptions(new CertificatePool(), At, new ChainBuilder()) : null);
        var skipped = stream.Run((entry, _) => $"{entry.File.RelativePath} {entry.Kind} {entry.Subject} {entry.Signature.Digest} {entry.Ok}", entries.Add);

        Assert.That(entries, Is.EqualTo(scan.Entries.Select(e => $"{e.File.RelativePath} {e.Kind} {e.Subject} {e.Signature.Digest} {e.Ok}")));
        Assert.That(skipped.Select(s => (s.File.RelativePath, s.Error.Code)), Is.EqualTo(scan.Unreadable.Select(u => (u.File.RelativePath, u.Error.Code))));
        Assert.That(skipped.Select(s => (s.File.RelativePath, s.Error.Code)), Is.SupersetOf(new[]
        {
            ("Client/zz-junk.cer", ReadErrorCode.NotPki),
            ("aa-empty.cer", ReadErrorCode.Empty),
            ("m-link.cer", ReadErrorCode.Link),
        }));
        Assert.That(stream.LongestPath, Is.EqualTo(scan.Entries.Max(e => e.File.RelativePath.Length)));
    }

    [Test]
    public void Prepare_WhenTheLongestNamedLeafOnlyGlancesAsOne_LongestPathIsTheReadableFilesOnes()
    {
        using var dir = new TempDir();
        var root = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=Stream Root"), Fixtures.Key("stream/root"));
        var leaf = CertificateFactory.Issue(CertificateSpec.Leaf("CN=leaf"), Fixtures.Key("stream/leaf"), root);
        // notBefore's UTCTime tag made INTEGER: strict DER outside the validity, which the glance does not read, and a
        // certificate BouncyCastle refuses.
        var der = leaf.Certificate.GetEncoded();
        var at = der.AsSpan().IndexOf(new byte[] { 0x30, 0x1E, 0x17, 0x0D });
        Assert.That(at, Is.GreaterThan(0), "the fixture's validity is two UTCTimes");
        der[at + 2] = 0x02;
        var broken = System.Text.Encoding.ASCII.GetBytes(
            "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n");
        Assert.That(new LeafGlance().TryRead(broken, out _, out _), Is.True, "the glance takes it for a leaf");
        dir.Write("leaf.cer", PkiWriter.CertificatePem(leaf.Certificate));
        dir.Write("root.cer", PkiWriter.CertificatePem(root.Certificate));
        dir.Write("a-much-longer-name-than-the-others.cer", broken);
        dir.Write("z-another-longer-one.cer", PkiWriter.CertificatePem(leaf.Certificate));

        var stream = DigestStream.Prepare(dir.Path, DigestPolicy.Default, new PkiReader(), new ChainScanOptions(new CertificatePool(), At, new ChainBuilder()));
        var valid = new List<bool?>();
        var skipped = stream.Run((_, chain) => chain?.Valid, valid.Add);

        Assert.That(stream.LongestPath, Is.EqualTo("z-another-longer-one.cer".Length));
        Assert.That(skipped.Select(s => (s.File.RelativePath, s.Error.Code)), Is.EqualTo(new[] { ("a-much-longer-name-than-the-others.cer", ReadErrorCode.Malformed) }));
        Assert.That(valid, Is.EqualTo(new bool?[] { true, true, true }));
    }

    private static string Summary(ChainResult r) =>
        $"{r.Valid}: {string.Join(" <- ", r.Path.Select(c => c.SubjectDN.ToString()))}; {string.Join(",", r.Problems.Select(p => p.Code))}";
}
