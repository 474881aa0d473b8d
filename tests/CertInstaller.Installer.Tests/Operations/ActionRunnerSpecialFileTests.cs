using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Samples;

namespace CertInstaller.Installer.Tests.Operations;

/// <summary>Issue 11, §3, for the Backup action: a FIFO in the certificates folder never hangs it, and a volume root is
/// refused before any scan (Core's own scans are held to the same in Core's SpecialFileScanTests).</summary>
[Platform(Include = "Linux")]
[SupportedOSPlatform("linux")]
public class ActionRunnerSpecialFileTests
{
    private TempDir _dir = null!;
    private string Certs => Path.Combine(_dir.Path, "Certificates");
    private string Backups => Path.Combine(_dir.Path, "Backups");
    private string Fifo => Path.Combine(Certs, "ServerGroup", "pipe.cer");

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private void Plant() => SpecialFiles.Fifo(Fifo);

    [Test]
    public void ActionBackup_WhenFolderHoldsFifo_Succeeds()
    {
        Plant();
        var data = new ActionData { CertDir = Certs, BackupDir = Backups, ProductCode = "{P}" };

        var outcome = SpecialFiles.Within(30, () => new ActionRunner().Run(ActionOperation.Backup, data), Fifo);

        Assert.That(outcome.Succeeded, Is.True, string.Join("\n", outcome.Lines));
    }

    [Test]
    public void ActionBackup_WhenCertDirIsVolumeRoot_FailsFastWithoutSnapshot()
    {
        var data = new ActionData { CertDir = "/", BackupDir = Backups, ProductCode = "{P}" };

        var outcome = SpecialFiles.Within(10, () => new ActionRunner().Run(ActionOperation.Backup, data));

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Lines.Single(l => l.Level == LogLevel.Error).Text, Does.Contain("CERTINSTALLER_CERTDIR"));
        Assert.That(new SnapshotStore(Backups).List(), Is.Empty);
    }
}
