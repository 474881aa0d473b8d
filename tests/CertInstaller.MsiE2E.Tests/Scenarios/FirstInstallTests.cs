using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

public sealed class FirstInstallTests : MsiScenario
{
    [Test]
    public void CanInstall_WhenNoCertificatesFolderExists()
    {
        var run = this.InstallSucceeds(this.V1);

        AssertFolder(this.CertDir, this.V1.Files(SamplePackage.MainFiles), "holds what the product generated");
        AssertRan(run, Actions.RestoreOnRollback, Actions.Backup, Actions.Preserve, Actions.Validate, Actions.Commit);
        Assert.That(MsiLog.Property(run.Log, "CertInstallerMode"), Is.EqualTo("install"));
        this.AssertActionDataHiddenFromTheLog(run);
    }

    [Test]
    public void CanPreserveThirdPartyCertificates_WhenInstallingOverAnExistingFolder()
    {
        var thirdParty = ThirdPartyCertificates.Create();
        thirdParty.WriteTo(this.CertDir);

        var run = this.InstallSucceeds(this.V1);

        AssertFolder(this.CertDir, this.V1.Files(SamplePackage.MainFiles).Overlay(thirdParty), "keeps every third-party file");
        AssertRan(run, Actions.Backup, Actions.Preserve, Actions.Validate);
        Assert.That(Snapshots(this.BackupDir), Is.Not.Empty, "a snapshot of the folder before the install");
        Assert.That(KeptUnder(this.BackupDir, thirdParty.Files["ServerGroup/ServerGroupCertificate.cer"]), Is.True,
            "the snapshot holds the third-party Server Group certificate");
    }
}
