using CertInstaller.Core.Pki.Chains;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Pki.Chains;

public class SignatureCacheTests
{
    [Test]
    public void Verifies_WhenManyThreadsAskForTheSamePair_VerifiesItOnce()
    {
        using var dir = new TempFolder();
        var folder = new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec());
        var (root, ca) = (folder.ServerGroup.Certificate, folder.Issued["ICCertificateAuthority"].Certificate);
        var cache = new SignatureCache();
        using var start = new Barrier(8);

        var answers = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => { start.SignalAndWait(); return cache.Verifies(root, ca); })
            .ToList();

        Assert.That(answers, Has.All.True);
        Assert.That(cache.Verifications, Is.EqualTo(1));
    }
}
