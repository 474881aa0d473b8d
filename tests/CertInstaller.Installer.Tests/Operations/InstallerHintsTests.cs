using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Validation;

namespace CertInstaller.Installer.Tests.Operations;

public class InstallerHintsTests
{
    [TestCase(FindingCode.FolderMissing)]
    [TestCase(FindingCode.FolderEmpty)]
    [TestCase(FindingCode.FolderUnrecognised)]
    public void For_WhenTheFolderIsWrong_NamesTheCertDirProperty(FindingCode code)
    {
        Assert.That(InstallerHints.For(CodeRegistry.Of(code)), Does.Contain("CERTINSTALLER_CERTDIR"));
    }

    [TestCase(BackupErrorCode.SourceNotAFolder, "CERTINSTALLER_CERTDIR")]
    [TestCase(BackupErrorCode.FolderUnsafe, "CERTINSTALLER_CERTDIR")]
    [TestCase(BackupErrorCode.BackupRootUnusable, "CERTINSTALLER_BACKUPDIR")]
    [TestCase(BackupErrorCode.InvalidArgument, "CERTINSTALLER_RETAIN")]
    public void For_WhenABackupArgumentIsWrong_NamesTheProperty(BackupErrorCode code, string property)
    {
        Assert.That(InstallerHints.For(CodeRegistry.Of(code)), Does.Contain(property));
    }

    [Test]
    public void For_WhenCoreSaysAllThereIs_GivesNoHint()
    {
        Assert.That(InstallerHints.For(CodeRegistry.Of(FindingCode.Expired)), Is.Null);
    }

    [Test]
    public void Run_WhenCertDirIsAVolumeRoot_LogsTheCodeAndTheInstallerHint()
    {
        using var temp = new TempDir();
        var data = new ActionData { CertDir = Path.GetPathRoot(temp.Path)!, BackupDir = Path.Combine(temp.Path, "b"), ProductCode = "{P}" };

        var outcome = new ActionRunner().Run(ActionOperation.Backup, data);

        var code = CodeRegistry.Of(BackupErrorCode.FolderUnsafe);
        Assert.That(outcome.Codes, Is.EqualTo(new[] { code }));
        Assert.That(outcome.Lines.Single(l => l.Code == code).Text, Does.Contain(code.Text).And.Contain(InstallerHints.For(code)!));
    }
}
