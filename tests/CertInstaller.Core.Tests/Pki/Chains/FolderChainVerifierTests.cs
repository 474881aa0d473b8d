using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Issuing;
using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Tests.Pki.Chains;

public class FolderChainVerifierTests
{
    [Test]
    public void VerifyAll_WhenIcSampleFolder_EveryCertificateChainsToServerGroup()
    {
        using var dir = new TempDir();
        var sample = SampleFolderBuilder.BuildIcFolder(dir.Path);
        var certificates = CertificateSource.Collect([dir.Path], new PkiReader()).Certificates.Select(c => c.Certificate).Distinct().ToList();

        var results = FolderChainVerifier.VerifyAll(certificates, new CertificatePool(), DateTimeOffset.UtcNow);

        Assert.That(results, Has.All.Matches<ChainResult>(r => r.Valid && r.Anchor!.Equals(sample.ServerGroup.Certificate)));
        Assert.That(certificates, Has.Count.EqualTo(5));
    }
}
