using CertInstaller.Core.Layout;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Samples;

public class IcFolderBuilderTests
{
    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void BuildServer_WhenTrustMode_ChainsVerifyWithOpenSsl(TrustMode trust)
    {
        using var dir = new TempDir();
        var folder = new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec { Trust = trust });
        var local = Path.Combine(dir.Path, "Client", "Local_Subsystems");
        var untrusted = Path.Combine(dir.Path, "untrusted.pem");
        File.WriteAllText(untrusted,
            File.ReadAllText(Path.Combine(dir.Path, "ServerGroup", "ServerGroupCertificate.cer")) +
            File.ReadAllText(Path.Combine(dir.Path, "ICCertificateAuthority", "ic1_ICCertificateAuthorityCertificate.cer")));

        var (code, output) = OpenSsl.Run("verify", "-attime", "1800000000", "-CAfile", Path.Combine(local, "ic1_TrustedCertificate.cer"),
            "-untrusted", untrusted, Path.Combine(local, "ic1_ServerCertificate.cer"));

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(folder.ThirdPartyFiles.Count > 0, Is.EqualTo(trust != TrustMode.SelfSigned));
    }

    [Test]
    public void BuildServer_Always_ScansAsIcServerWithCompleteMap()
    {
        using var dir = new TempDir();
        new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec());

        var layout = new LayoutScanner().Scan(dir.Path);

        Assert.That(layout.Kind, Is.EqualTo(FolderKind.IcServer));
        Assert.That(layout.ServerName, Is.EqualTo("ic1"));
        Assert.That(layout.Maps.Single().Entries.Select(e => e.Status), Has.All.EqualTo(MapEntryStatus.Present));
        Assert.That(layout.Sets.Select(s => s.UseType), Is.SupersetOf(new[] { "ServerGroup", "ICCertificateAuthority", "Server", "Client", "Line" }));
    }

    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void BuildServer_WhenRemotePeers_IsValidAndClassifiedAsDeclared(TrustMode trust)
    {
        using var dir = new TempDir();
        var folder = new IcFolderBuilder().BuildServer(dir.Path, new IcFolderSpec { Trust = trust, RemotePeers = 3 });
        var layout = new LayoutScanner().Scan(dir.Path);

        var report = new CertInstaller.Core.Validation.FolderValidator().Validate(new CertInstaller.Core.Validation.ValidationContext
        {
            Layout = layout, Policy = CertInstaller.Core.Validation.ValidationPolicy.Installer, At = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var thirdParty = new CertInstaller.Core.Preservation.FolderClassifier().Classify(layout, [])
            .Where(c => c.Value.Origin == CertInstaller.Core.Backup.FileOrigin.ThirdParty).Select(c => c.Key);

        Assert.That(layout.Entries.Count(e => e.Role == CertificateRole.RemoteSubsystem), Is.EqualTo(9));
        Assert.That(report.Findings, Is.Empty);
        Assert.That(thirdParty, Is.EquivalentTo(folder.ThirdPartyFiles));
    }

    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void BuildComponent_WhenOffServerFolder_IsRecognisedValidAndClassified(TrustMode trust)
    {
        using var dir = new TempDir();
        var server = new IcFolderBuilder().BuildServer(Path.Combine(dir.Path, "ic"), new IcFolderSpec());
        var media = new IcFolderBuilder().BuildComponent(Path.Combine(dir.Path, "media"), new IcFolderSpec { Server = "media1", Trust = trust }, server.ServerGroup);
        var layout = new LayoutScanner().Scan(media.Root);

        var report = new CertInstaller.Core.Validation.FolderValidator().Validate(new CertInstaller.Core.Validation.ValidationContext
        {
            Layout = layout, Policy = CertInstaller.Core.Validation.ValidationPolicy.Installer, At = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var thirdParty = new CertInstaller.Core.Preservation.FolderClassifier().Classify(layout, [])
            .Where(c => c.Value.Origin == CertInstaller.Core.Backup.FileOrigin.ThirdParty).Select(c => c.Key);

        Assert.That(layout.Kind, Is.EqualTo(FolderKind.OffServerComponent));
        Assert.That(layout.ServerName, Is.EqualTo("media1"));
        Assert.That(report.Findings, Is.Empty);
        Assert.That(thirdParty, Is.EquivalentTo(media.ThirdPartyFiles));
    }
}
