using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Preservation;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Preservation;

public class PreserverTests
{
    private TempFolder _dir = null!;
    private string Certs => Path.Combine(_dir.Path, "Certificates");
    private SnapshotStore Store => new(Path.Combine(_dir.Path, "Backups"));

    [SetUp]
    public void SetUp() => _dir = new TempFolder();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Snapshot()
    {
        var classes = new FolderClassifier().Classify(new LayoutScanner().Scan(Certs), []);
        return Store.Create(new SnapshotRequest(Certs, "test") { Classify = p => classes[p] }).Id;
    }

    [Test]
    public void Preserve_WhenAdminReplacedThirdPartyCertificateOnPurpose_LeavesItAndReports()
    {
        var builder = new IcFolderBuilder();
        builder.BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var id = Snapshot();
        // The admin renews the server certificate with the outside CA (a new third-party certificate, new key).
        var renewed = Path.Combine(_dir.Path, "renewed");
        builder.BuildServer(renewed, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, KeySeed = "renewed", ExternalCa = builder.ExternalCa(new IcFolderSpec()) });
        foreach (var f in new[] { "ic1_ServerCertificate.cer", "ic1_ServerPrivateKey.bin" })
            File.Copy(Path.Combine(renewed, "Client", "Local_Subsystems", f), Path.Combine(Certs, "Client", "Local_Subsystems", f), overwrite: true);
        var before = FolderAssert.Picture(Certs);

        var result = new Preserver(Store).Preserve(id, Certs);

        Assert.That(result.Items.Single(i => i.RelativePath.EndsWith("ic1_ServerCertificate.cer")).Decision, Is.EqualTo(PreservationDecision.KeptChangedByAdmin));
        Assert.That(FolderAssert.Picture(Certs), Is.EqualTo(before));
    }

    [Test]
    public void Preserve_WhenInstallRemovedThirdPartyFile_PutsItBack()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var before = FolderAssert.Picture(Certs);
        var id = Snapshot();
        File.Delete(Path.Combine(Certs, "Client", "Local_Subsystems", "ic1_TrustedCertificate.cer"));

        var result = new Preserver(Store).Preserve(id, Certs);

        Assert.That(result.Items.Single(i => i.Decision != PreservationDecision.Unchanged).Decision, Is.EqualTo(PreservationDecision.PutBackMissing));
        Assert.That(FolderAssert.Picture(Certs), Is.EqualTo(before));
    }

    [Test]
    public void Preserve_WhenRegenerated_KeepsRegeneratedFilesInDisplacedArea()
    {
        var builder = new IcFolderBuilder();
        builder.BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var id = Snapshot();
        builder.BuildServer(Certs, new IcFolderSpec { KeySeed = "regenerated" });
        var regenerated = File.ReadAllBytes(Path.Combine(Certs, "Client", "Local_Subsystems", "ic1_ServerCertificate.cer"));

        var result = new Preserver(Store).Preserve(id, Certs);

        var displaced = result.Restore!.Files.Single(f => f.RelativePath == "Client/Local_Subsystems/ic1_ServerCertificate.cer").DisplacedPath;
        Assert.That(displaced, Is.Not.Null);
        var displacedFile = Directory.EnumerateFiles(Path.Combine(_dir.Path, "Backups"), "ic1_ServerCertificate.cer", SearchOption.AllDirectories)
            .Single(f => f.Contains("displaced"));
        Assert.That(File.ReadAllBytes(displacedFile), Is.EqualTo(regenerated));
    }
}
