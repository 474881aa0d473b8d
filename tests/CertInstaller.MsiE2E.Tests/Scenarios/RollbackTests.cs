using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

public sealed class RollbackTests : MsiScenario
{
    [Test]
    public void CanRestoreTheFolder_WhenTheInstallFailsAfterPreserve()
    {
        ThirdPartyCertificates.Create().WriteTo(this.CertDir);
        File.WriteAllText(Path.Combine(this.CertDir, "ServerGroup", "ServerGroupCertificate.cer.1"), "an admin's manual backup\r\n");
        var before = FolderPicture.Of(this.CertDir);

        var run = this.Install(this.V1, "CERTINSTALLER_TEST_FAIL_AFTER_PRESERVE=1");

        this.AssertFailed(run);
        AssertFolder(this.CertDir, before, "is byte-identical to before the failed install");
        AssertRan(run, Actions.Backup, Actions.Preserve, Actions.TestFailure, Actions.RestoreOnRollback);
    }
}
