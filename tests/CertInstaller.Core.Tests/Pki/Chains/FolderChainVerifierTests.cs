using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Pki.Chains;

public class FolderChainVerifierTests
{
    [Test]
    public void VerifyAll_WhenIcSampleFolder_EveryCertificateChainsToServerGroup()
    {
        using var dir = new TempDir();
        var sample = new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec());
        var certificates = CertificateSource.Collect([dir.Path], new PkiReader()).Certificates.Select(c => c.Certificate).Distinct().ToList();

        var results = FolderChainVerifier.VerifyAll(certificates, new CertificatePool(), DateTimeOffset.UtcNow);

        Assert.That(results, Has.All.Matches<ChainResult>(r => r.Valid && r.Anchor!.Equals(sample.ServerGroup.Certificate)));
        Assert.That(certificates, Has.Count.EqualTo(6), "Server Group, IC CA, Server, Client, Line, HTTPS");
    }
}
