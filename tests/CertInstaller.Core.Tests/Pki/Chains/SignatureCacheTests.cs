using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Signatures;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Pki.Chains;

[TestFixture("bcl")]
[TestFixture("bouncycastle")]
public class SignatureCacheTests(string verifier)
{
    private ISignatureVerifier Verifier => verifier == "bcl" ? SignatureVerifiers.CreateBcl() : SignatureVerifiers.BouncyCastle;

    [Test]
    public void Verifies_WhenManyThreadsAskForTheSamePair_VerifiesItOnce()
    {
        using var dir = new TempDir();
        var folder = new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec());
        var (root, ca) = (folder.ServerGroup.Certificate, folder.Issued["ICCertificateAuthority"].Certificate);
        var cache = new SignatureCache(Verifier);
        using var start = new Barrier(8);

        var answers = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => { start.SignalAndWait(); return cache.Verifies(root, ca); })
            .ToList();

        Assert.That(answers, Has.All.True);
        Assert.That(cache.Verifications, Is.EqualTo(1));
        Assert.That(cache.Verifier.Name, Is.EqualTo(verifier));
    }

    [Test]
    public void Verifies_WhenIssuerIsNotTheSigner_IsFalseAndCached()
    {
        var cache = new SignatureCache(Verifier);

        Assert.That(cache.Verifies(Fixtures.Root.Certificate, Fixtures.LeafCert.Certificate), Is.False);
        Assert.That(cache.Verifies(Fixtures.Root.Certificate, Fixtures.LeafCert.Certificate), Is.False);
        Assert.That(cache.Verifies(Fixtures.Intermediate.Certificate, Fixtures.LeafCert.Certificate), Is.True);
        Assert.That(cache.Verifies(Fixtures.Root.Certificate, Fixtures.Intermediate.Certificate), Is.True);
        Assert.That(cache.Verifications, Is.EqualTo(3));
    }

    [Test]
    public void ChainBuilder_WhenGivenTheCache_BuildsTheSameChainWithEitherVerifier()
    {
        var builder = new ChainBuilder(new SignatureCache(Verifier));

        var result = builder.Build(new ChainRequest(Fixtures.LeafCert.Certificate, new CertificatePool([Fixtures.Intermediate.Certificate]),
            new CertificatePool([Fixtures.Root.Certificate]), Fixtures.Now));

        Assert.That(result.Valid, Is.True, string.Join("; ", result.Problems));
        Assert.That(builder.Signatures.Verifier.Name, Is.EqualTo(verifier));
    }
}
