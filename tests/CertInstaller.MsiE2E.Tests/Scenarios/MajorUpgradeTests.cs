using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

public sealed class MajorUpgradeTests : MsiScenario
{
    [Test]
    public void CanKeepThirdPartyCertificates_WhenUpgradingV1ToV2()
    {
        this.InstallSucceeds(this.V1);
        var thirdParty = ThirdPartyCertificates.Create();
        thirdParty.WriteTo(this.CertDir);

        var run = this.InstallSucceeds(this.V2);

        AssertFolder(this.CertDir, this.V2.Files(SamplePackage.MainFiles).Overlay(thirdParty),
            "holds the third-party files unchanged and v2's regenerated IC files");
        AssertRan(run, Actions.Backup, Actions.Preserve, Actions.Validate, Actions.Commit);
        Assert.That(MsiLog.Property(run.Log, "CertInstallerMode"), Is.EqualTo("upgrade"));
        Assert.That(KeptUnder(this.BackupDir, this.V2.Files(SamplePackage.MainFiles).Files["ServerGroup/ServerGroupCertificate.cer"]), Is.True,
            "the Server Group certificate v2 regenerated is kept in the snapshot");
    }
}
