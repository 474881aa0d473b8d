using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

public sealed class UninstallTests : MsiScenario
{
    [Test]
    public void CanSnapshotAndLeaveTheFolder_WhenUninstalling()
    {
        this.InstallSucceeds(this.V1);
        ThirdPartyCertificates.Create().WriteTo(this.CertDir);
        var before = FolderPicture.Of(this.CertDir);
        var snapshotsBefore = Snapshots(this.BackupDir);
        var backupsBefore = FolderPicture.Of(this.BackupDir);

        var run = this.Msiexec("uninstall", ["/x", this.Engine.WindowsPath(this.V1.MsiPath), "/qn"]);

        AssertSucceeded(run);
        AssertFolder(this.CertDir, before, "is left as it was");
        AssertRan(run, Actions.Backup);
        AssertNotRan(run, Actions.RestoreOnRollback, Actions.Preserve, Actions.Validate, Actions.Commit);
        Assert.That(MsiLog.Property(run.Log, "CertInstallerMode"), Is.EqualTo("uninstall"));
        Assert.That(Snapshots(this.BackupDir), Has.Count.EqualTo(snapshotsBefore.Count + 1).And.SupersetOf(snapshotsBefore),
            "one more snapshot, none removed");
        Assert.That(backupsBefore.Files.Keys.Where(k => !File.Exists(Path.Combine(this.BackupDir, k))), Is.Empty, "no backup file deleted");
        Assert.That(KeptUnder(this.BackupDir, before.Files["ServerGroup/ServerGroupCertificate.cer"]), Is.True);
    }
}
