using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Tests.Pki.Chains;

public class ChainBuilderTests
{
    private static ChainResult Build(X509Certificate leaf, IEnumerable<X509Certificate> pool, IEnumerable<X509Certificate>? anchors = null,
        DateTimeOffset? at = null, string? host = null, ChainBuilder? builder = null) =>
        (builder ?? new ChainBuilder()).Build(
            new ChainRequest(leaf, new CertificatePool(pool), new CertificatePool(anchors ?? [Fixtures.Root.Certificate]), at ?? Fixtures.Now) { Host = host });

    private static ChainProblemCode[] Codes(ChainResult r) => r.Problems.Select(p => p.Code).ToArray();

    [Test]
    public void Build_WhenCompleteChain_IsValidLeafFirstEndingAtAnchor()
    {
        var result = Build(Fixtures.LeafCert.Certificate, [Fixtures.Intermediate.Certificate]);

        Assert.That(result.Valid, Is.True, string.Join("; ", result.Problems));
        Assert.That(result.Path, Is.EqualTo(new[] { Fixtures.LeafCert.Certificate, Fixtures.Intermediate.Certificate, Fixtures.Root.Certificate }));
        Assert.That(result.Anchor, Is.EqualTo(Fixtures.Root.Certificate));
    }

    [Test]
    public void Build_WhenPoolInWrongOrderWithDuplicates_IsValid()
    {
        var pool = new[] { Fixtures.Root.Certificate, Fixtures.Intermediate.Certificate, Fixtures.LeafCert.Certificate, Fixtures.Intermediate.Certificate };

        var result = Build(Fixtures.LeafCert.Certificate, pool);

        Assert.That(result.Valid, Is.True);
        Assert.That(result.Path, Has.Count.EqualTo(3));
    }

    [Test]
    public void Build_WhenIntermediateMissing_ReportsIssuerNotFoundOnLeaf()
    {
        var result = Build(Fixtures.LeafCert.Certificate, []);

        Assert.That(Codes(result), Is.EqualTo(new[] { ChainProblemCode.IssuerNotFound }));
        Assert.That(result.Problems[0].Subject, Does.Contain("CN = host.fixture.test"));
        Assert.That(result.Valid, Is.False);
    }

    [Test]
    public void Build_WhenRootNotTrusted_ReportsUntrustedRoot()
    {
        var result = Build(Fixtures.LeafCert.Certificate, [Fixtures.Intermediate.Certificate, Fixtures.Root.Certificate], anchors: []);

        Assert.That(Codes(result), Is.EqualTo(new[] { ChainProblemCode.UntrustedRoot }));
    }

    [TestCase(2031, ChainProblemCode.Expired)]
    [TestCase(2024, ChainProblemCode.NotYetValid)]
    public void Build_WhenVerifiedOutsideValidity_ReportsEveryLink(int year, ChainProblemCode expected)
    {
        var result = Build(Fixtures.LeafCert.Certificate, [Fixtures.Intermediate.Certificate], at: new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.That(Codes(result), Has.All.EqualTo(expected));
        Assert.That(result.Problems.Count, Is.EqualTo(year == 2031 ? 2 : 3));
    }

    [Test]
    public void Build_WhenLeafSelfSigned_ReportsSelfSignedLeaf()
    {
        var self = CertificateFactory.SelfSigned(CertificateSpec.Leaf("CN=self.test") with { NotBefore = Fixtures.Start }, Fixtures.Key("self", KeySpec.EcP256)).Certificate;

        var result = Build(self, [Fixtures.Intermediate.Certificate]);

        Assert.That(Codes(result), Is.EqualTo(new[] { ChainProblemCode.SelfSignedLeaf }));
        Assert.That(Build(self, [], anchors: [self]).Valid, Is.True);
    }

    [Test]
    public void Build_WhenIssuersCrossSignEachOther_ReportsLoop()
    {
        var keyA = Fixtures.Key("loop-a", KeySpec.EcP256);
        var keyB = Fixtures.Key("loop-b", KeySpec.EcP256);
        var seedB = CertificateFactory.SelfSigned(CertificateSpec.Ca("CN=Loop B") with { NotBefore = Fixtures.Start }, keyB);
        var a = CertificateFactory.Issue(CertificateSpec.Ca("CN=Loop A") with { NotBefore = Fixtures.Start }, keyA, seedB);
        var b = CertificateFactory.Issue(CertificateSpec.Ca("CN=Loop B") with { NotBefore = Fixtures.Start }, keyB, a);
        var leaf = Fixtures.Leaf("loop.test", a);

        var result = Build(leaf.Certificate, [a.Certificate, b.Certificate]);

        Assert.That(Codes(result), Is.EqualTo(new[] { ChainProblemCode.Loop }));
    }

    [Test]
    public void Build_WhenIssuerNameMatchesButKeyDiffers_ReportsBadSignature()
    {
        var impostor = CertificateFactory.Issue(
            CertificateSpec.Ca("C=US, O=Fixture, CN=Fixture Intermediate", 0) with { NotBefore = Fixtures.Start },
            Fixtures.Key("impostor", KeySpec.EcP256), Fixtures.Root);

        var result = Build(Fixtures.LeafCert.Certificate, [impostor.Certificate]);

        Assert.That(Codes(result), Is.EqualTo(new[] { ChainProblemCode.BadSignature }));
    }

    [Test]
    public void Build_WhenIssuerIsNotCa_ReportsIssuerNotCaAndKeyCertSign()
    {
        var notCa = CertificateFactory.Issue(CertificateSpec.Leaf("CN=Not A CA") with { NotBefore = Fixtures.Start }, Fixtures.Key("notca", KeySpec.EcP256), Fixtures.Root);
        var leaf = Fixtures.Leaf("under-leaf.test", notCa);

        var result = Build(leaf.Certificate, [notCa.Certificate]);

        Assert.That(Codes(result), Is.EquivalentTo(new[] { ChainProblemCode.IssuerNotCa, ChainProblemCode.IssuerMissingKeyCertSign }));
    }

    [Test]
    public void Build_WhenPathLengthZeroCaHasSubCa_ReportsPathLengthExceeded()
    {
        var sub = CertificateFactory.Issue(CertificateSpec.Ca("CN=Sub CA") with { NotBefore = Fixtures.Start }, Fixtures.Key("sub", KeySpec.EcP256), Fixtures.Intermediate);
        var leaf = Fixtures.Leaf("deep.test", sub);

        var result = Build(leaf.Certificate, [sub.Certificate, Fixtures.Intermediate.Certificate]);

        Assert.That(Codes(result), Is.EqualTo(new[] { ChainProblemCode.PathLengthExceeded }));
        Assert.That(result.Problems[0].Subject, Does.Contain("Fixture Intermediate"));
    }

    [TestCase("host.fixture.test", true)]
    [TestCase("other.fixture.test", false)]
    public void Build_WhenHostGiven_ChecksSans(string host, bool valid)
    {
        Assert.That(Build(Fixtures.LeafCert.Certificate, [Fixtures.Intermediate.Certificate], host: host).Valid, Is.EqualTo(valid));
    }

    [Test]
    public void Build_WhenLeavesShareIssuers_VerifiesEachPairOnce()
    {
        var builder = new ChainBuilder();
        var leaves = new[] { "a.test", "b.test", "c.test" }.Select(h => Fixtures.Leaf(h).Certificate).ToList();

        foreach (var leaf in leaves.Concat(leaves))
        {
            Build(leaf, [Fixtures.Intermediate.Certificate], builder: builder);
        }

        Assert.That(builder.Signatures.Verifications, Is.EqualTo(4));
    }
}
