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

    [TestCase(TrustMode.SelfSigned, false, false)]
    [TestCase(TrustMode.ThirdPartyPerUseType, false, false)]
    [TestCase(TrustMode.ThirdPartyServerGroup, true, false)]
    [TestCase(TrustMode.ThirdPartyPerUseType, false, true)]
    public void VerifyEncoded_WhenTheSameCertificates_GivesVerifyAllsVerdictsAndPaths(TrustMode trust, bool withoutIntermediates, bool anchorsGiven)
    {
        using var dir = new TempDir();
        new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec { Trust = trust });
        // Duplicates kept (trusted files repeat the roots), as a folder scan lists them.
        var certificates = CertificateSource.Collect([dir.Path], new PkiReader()).Certificates.Select(c => c.Certificate).ToList();
        if (withoutIntermediates)
        {
            certificates = certificates.Where(c => c.GetBasicConstraints() < 0 || FolderChainVerifier.IsSelfSigned(c)).ToList();
        }

        var anchors = anchorsGiven ? new CertificatePool(certificates.Where(FolderChainVerifier.IsSelfSigned)) : new CertificatePool();
        var at = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var expected = FolderChainVerifier.VerifyAll(certificates, anchors, at);
        var actual = FolderChainVerifier.VerifyEncoded(certificates.Select(EncodedCertificate.Of).ToList(), anchors, at, new ChainBuilder(), r => r);

        Assert.That(actual.Select(Summary), Is.EqualTo(expected.Select(Summary)));
        Assert.That(expected.Count(r => !r.Valid), withoutIntermediates ? Is.GreaterThan(0) : Is.EqualTo(0));
    }

    private static string Summary(ChainResult r) =>
        $"{r.Valid}: {string.Join(" <- ", r.Path.Select(c => c.SubjectDN.ToString()))}; {string.Join(",", r.Problems.Select(p => p.Code))}";
}
