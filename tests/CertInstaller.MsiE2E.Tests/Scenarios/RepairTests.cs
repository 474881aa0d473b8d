using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

public sealed class RepairTests : MsiScenario
{
    [Test]
    public void CanKeepThirdPartyCertificates_WhenRepairing()
    {
        this.InstallSucceeds(this.V1);
        var thirdParty = ThirdPartyCertificates.Create();
        thirdParty.WriteTo(this.CertDir);
        var before = FolderPicture.Of(this.CertDir);

        var run = this.Repair();

        AssertSucceeded(run);
        AssertFolder(this.CertDir, before, "is as before the repair");
        AssertRan(run, Actions.Backup, Actions.Preserve, Actions.Validate, Actions.Commit);
        Assert.That(MsiLog.Property(run.Log, "CertInstallerMode"), Is.EqualTo("repair"));
        Assert.That(KeptUnder(this.BackupDir, this.V1.Files(SamplePackage.MainFiles).Files["ServerGroup/ServerGroupCertificate.cer"]), Is.True,
            "the certificate the repair rewrote is kept in the snapshot");
    }
}
