using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;

namespace CertInstaller.Harness.Tests.Common;

/// <summary>Issue 12 §2: Core gives code + facts; certharness adds hints naming its own verbs and options, never a property.</summary>
public class HintsTests
{
    [TestCase(FindingCode.FolderMissing)]
    [TestCase(FindingCode.FolderEmpty)]
    [TestCase(FindingCode.FolderUnrecognised)]
    public void For_WhenTheFolderIsWrong_NamesTheFolderArgumentNotAProperty(FindingCode code)
    {
        var hint = Hints.For(CodeRegistry.Of(code));

        Assert.That(hint, Does.Contain("argument").And.Contain("<certdir>").And.Not.Contain("CERTINSTALLER_"));
    }

    [Test]
    public void For_EveryHint_NamesNoInstallerProperty()
    {
        var hints = CodeRegistry.All().Select(c => Hints.For(c)).OfType<string>().ToList();

        Assert.That(hints, Is.Not.Empty);
        Assert.That(hints, Has.None.Contains("CERTINSTALLER_"));
    }

    [Test]
    public void For_WhereBothHostsHaveAHint_TheyDiffer()
    {
        // The same code, two hosts: each names what its own user types.
        var both = CodeRegistry.All().Where(c => Hints.For(c) is not null && InstallerHints.For(c) is not null).ToList();

        Assert.That(both, Has.Member(CodeRegistry.Of(FindingCode.FolderMissing)));
        Assert.That(both.Where(c => Hints.For(c) == InstallerHints.For(c)), Is.Empty);
    }

    [Test]
    public void Describe_WhenSnapshotNotFound_PrintsTheCodeAndTheSnapshotOption()
    {
        var code = CodeRegistry.Of(BackupErrorCode.SnapshotNotFound);

        var text = Errors.Describe(new BackupException(BackupErrorCode.SnapshotNotFound, "/b", "There is no complete snapshot 'x'.", "Use one of the ids."));

        Assert.That(text, Does.StartWith(code.Text + " ").And.Contain(Hints.For(code)!).And.Contain("--snapshot"));
    }

    [Test]
    public void Validate_WhenTheFolderIsMissing_PrintsTheCodeAndTheHarnessHint()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ci-harness-nowhere-" + Guid.NewGuid().ToString("N")[..10]);
        var code = CodeRegistry.Of(FindingCode.FolderMissing);

        var run = HarnessRun.Of("validate", missing);

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Does.Contain(code.Text).And.Contain(Hints.For(code)!).And.Not.Contain("CERTINSTALLER_"));
    }
}
