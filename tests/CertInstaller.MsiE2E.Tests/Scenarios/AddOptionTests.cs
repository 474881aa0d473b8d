using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

public sealed class AddOptionTests : MsiScenario
{
    [Test]
    public void CanKeepThirdPartyCertificates_WhenAddingTheOptionalFeature()
    {
        this.InstallSucceeds(this.V1);
        var thirdParty = ThirdPartyCertificates.Create();
        thirdParty.WriteTo(this.CertDir);
        var before = FolderPicture.Of(this.CertDir);

        var run = this.InstallSucceeds(this.V1, "ADDLOCAL=Option");

        AssertFolder(this.CertDir, before, "is as before: the option's regenerated files were replaced by the third-party ones");
        AssertRan(run, Actions.Backup, Actions.Preserve, Actions.Validate, Actions.Commit);
        Assert.That(MsiLog.Property(run.Log, "CertInstallerMode"), Is.EqualTo("addoption"));
        Assert.That(File.Exists(Path.Combine(this.Engine.HostPath(MsiE2EEnvironment.InstallDir), "option.txt")), Is.True, "the option is installed");
        Assert.That(KeptUnder(this.BackupDir, this.V1.Files(SamplePackage.OptionFiles).Files["Client/Local_Subsystems/ICSERVER1_ServerCertificate.cer"]), Is.True,
            "the certificate the option regenerated is kept in the snapshot");
    }
}
