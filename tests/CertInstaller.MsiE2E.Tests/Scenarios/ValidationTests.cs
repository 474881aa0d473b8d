using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

public sealed class ValidationTests : MsiScenario
{
    [Test]
    public void FailsAndRollsBack_WhenEnforcingWithAnExpiredThirdPartyCertificate()
    {
        ThirdPartyCertificates.Create(expired: true).WriteTo(this.CertDir);
        var before = FolderState.Read(this.CertDir);

        var run = this.Install(this.V1, "CERTINSTALLER_VALIDATION=enforce");

        this.AssertFailed(run);
        AssertFolder(this.CertDir, before, "is byte-identical to before the failed install");
        AssertRan(run, Actions.Validate, Actions.RestoreOnRollback);
        AssertFinding(ActionText(run, this.BackupDir));
    }

    [Test]
    public void CanInstallWithAWarning_WhenWarningAboutAnExpiredThirdPartyCertificate()
    {
        var thirdParty = ThirdPartyCertificates.Create(expired: true);
        thirdParty.WriteTo(this.CertDir);

        var run = this.InstallSucceeds(this.V1, "CERTINSTALLER_VALIDATION=warn");

        AssertFolder(this.CertDir, this.V1.Files(SamplePackage.MainFiles).Overlay(thirdParty), "keeps the third-party files");
        AssertRan(run, Actions.Validate);
        AssertFinding(ActionText(run, this.BackupDir));
    }

    // The finding names the file and says it expired. (Assert its FindingCode once the action host prints codes.)
    private static void AssertFinding(string text) =>
        Assert.That(text, Does.Contain("ServerGroupCertificate.cer").And.Match("(?i)expired"),
            "the validation finding (expired third-party Server Group certificate) in the MSI log or the action log");
}
