using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Samples;
using CertInstaller.Core.Tests.Backup;

namespace CertInstaller.Installer.Tests.Wrapper;

/// <summary><c>certinstaller-action run</c>'s orchestration without processes: the installer is a fake that regenerates the folder like IC.</summary>
public class InstallerWrapperTests
{
    private TempDir _dir = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static readonly InstallerCommand Command = new(["msiexec", "/i", "IC.msi", "/qn", "SERVICE_PASSWORD=hunter2"]);

    private ActionData Data(ValidationMode validation = ValidationMode.Warn) => WrapperOptions.ToActionData(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["--certdir"] = [_dir.Certificates],
            ["--backupdir"] = [_dir.BackupRoot],
            ["--validation"] = [validation.ToString().ToLowerInvariant()],
        }, Command, "unused");

    private WrapperResult Run(IInstallerProcess installer, ActionData? data = null, bool holdersAlive = false, Action<WrapperStep>? checkpoint = null,
        ExitStatusMap? statuses = null)
    {
        var result = new InstallerWrapper(installer, new PhysicalFileSystem(), _clock, new TestLockProbe(holdersAlive), checkpoint)
            { LockWait = TimeSpan.Zero, ExitStatuses = statuses ?? ExitStatusMap.Windows }
            .Run(data ?? Data(), Command, line => TestContext.Out.WriteLine(line));
        _clock.Advance(TimeSpan.FromMinutes(1));
        return result;
    }

    private IcFolder ThirdPartyFolder(DateTimeOffset? thirdPartyNotAfter = null) =>
        new IcFolderBuilder().BuildServer(_dir.Certificates, new IcFolderSpec
        {
            Trust = TrustMode.ThirdPartyPerUseType,
            ThirdPartyNotAfter = thirdPartyNotAfter ?? new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });

    private void AssertNoRunLeft()
    {
        Assert.That(File.Exists(WrapperRunState.PathIn(_dir.BackupRoot)), Is.False, "run state removed");
        Assert.That(TransactionMarker.Read(_dir.BackupRoot, WrapperOptions.ProductCode), Is.Null, "transaction marker removed");
    }

    [TestCase(InstallerExitCodes.Success)]
    [TestCase(InstallerExitCodes.RebootRequired)]
    [TestCase(InstallerExitCodes.RebootInitiated)]
    public void Run_WhenTheInstallerSucceeds_PutsThirdPartyBackAndReturnsItsCode(int code)
    {
        var original = ThirdPartyFolder();
        var before = FolderPicture.Of(_dir.Certificates).Hashes;
        var installer = FakeInstaller.RegeneratingIc(_dir.Certificates, code);

        var result = Run(installer);

        var after = FolderPicture.Of(_dir.Certificates).Hashes;
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(code));
            Assert.That(result.InstallerExitCode, Is.EqualTo(code));
            Assert.That(result.Outcome, Is.EqualTo(WrapperOutcome.Succeeded));
            foreach (var file in original.ThirdPartyFiles) Assert.That(after[file], Is.EqualTo(before[file]), file);
            Assert.That(result.Preservation!.Items.Count(i => i.Decision == CertInstaller.Core.Preservation.PreservationDecision.PutBackRegenerated), Is.GreaterThan(0));
            Assert.That(result.Validation!.Valid, Is.True);
            Assert.That(installer.Runs, Is.EqualTo(1));
        });
        AssertNoRunLeft();
    }

    [TestCase(InstallerExitCodes.Failure)]
    [TestCase(1602)]
    [TestCase(InstallerExitCodes.AlreadyRunning)]
    [TestCase(137)]
    public void Run_WhenTheInstallerFails_RestoresTheExactFolderAndReturnsItsCode(int code)
    {
        ThirdPartyFolder();
        File.WriteAllText(Path.Combine(_dir.Certificates, "ServerGroup", "ServerGroupCertificate.cer.1"), "an admin's copy");
        var before = FolderPicture.Of(_dir.Certificates).Hashes;

        var result = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, code));

        Assert.That(FolderPicture.Of(_dir.Certificates).Hashes, Is.EqualTo(before));
        Assert.That((result.ExitCode, result.Outcome, result.Restored), Is.EqualTo((code, WrapperOutcome.InstallerFailed, true)));
        AssertNoRunLeft();
    }

    [Test]
    public void Run_WhenEnforcedValidationFindsTheFolderInvalid_RestoresAndReturns1603()
    {
        ThirdPartyFolder(thirdPartyNotAfter: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)); // expired before the test clock
        var before = FolderPicture.Of(_dir.Certificates).Hashes;

        var enforced = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), Data(ValidationMode.Enforce));

        Assert.That(FolderPicture.Of(_dir.Certificates).Hashes, Is.EqualTo(before));
        Assert.That((enforced.ExitCode, enforced.InstallerExitCode, enforced.Outcome), Is.EqualTo((InstallerExitCodes.Failure, 0, WrapperOutcome.Rejected)));
        Assert.That(enforced.Validation!.Valid, Is.False);
        AssertNoRunLeft();

        var warned = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, InstallerExitCodes.RebootRequired), Data(ValidationMode.Warn));
        Assert.That((warned.ExitCode, warned.Outcome), Is.EqualTo((InstallerExitCodes.RebootRequired, WrapperOutcome.Succeeded)), "warn keeps the installer's code");
    }

    [Test]
    public void Run_WhenEnforceRejectsAfterASuccessfulInstall_SaysTheProductStaysInstalledAndWhatToDoNext()
    {
        ThirdPartyFolder(thirdPartyNotAfter: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

        var result = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), Data(ValidationMode.Enforce));

        Assert.That((result.Outcome, result.Restored, result.ProductInstalled), Is.EqualTo((WrapperOutcome.Rejected, true, (bool?)true)));
        Assert.That(result.Next, Does.Contain(result.SnapshotId!), "the next step names the snapshot that keeps what the installer wrote");
        Assert.That(result.Lines[^1].Text, Does.Contain(result.Next!), "the closing line carries the next step");
    }

    [Test]
    public void Run_WhenTheInstallerFails_SaysTheProductWasNotInstalled()
    {
        ThirdPartyFolder();

        var result = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, InstallerExitCodes.Failure));

        Assert.That((result.Outcome, result.ProductInstalled, result.Next is null), Is.EqualTo((WrapperOutcome.InstallerFailed, (bool?)false, false)));
    }

    [TestCase(194, InstallerExitCodes.RebootRequired)]
    [TestCase(105, InstallerExitCodes.RebootInitiated)]
    public void Run_OnLinux_WhenTheInstallersStatusStandsForAReboot_PutsThirdPartyBackAndExitsWithThatStatus(int status, int meant)
    {
        var original = ThirdPartyFolder();
        var before = FolderPicture.Of(_dir.Certificates).Hashes;

        var result = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, status), statuses: ExitStatusMap.Unix);

        var after = FolderPicture.Of(_dir.Certificates).Hashes;
        Assert.Multiple(() =>
        {
            Assert.That((result.Outcome, result.Restored), Is.EqualTo((WrapperOutcome.Succeeded, false)), "a reboot request is not a failure");
            Assert.That((result.InstallerExitStatus, result.InstallerExitCode), Is.EqualTo(((int?)status, (int?)meant)));
            Assert.That((result.ExitCode, result.ExitStatus), Is.EqualTo((meant, status)));
            foreach (var file in original.ThirdPartyFiles) Assert.That(after[file], Is.EqualTo(before[file]), file);
        });
    }

    [Test]
    public void Run_OnLinux_WhenCertInstallerFailsTheRun_Means1603AndExits67()
    {
        ThirdPartyFolder(thirdPartyNotAfter: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

        var result = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), Data(ValidationMode.Enforce), statuses: ExitStatusMap.Unix);

        Assert.That((result.ExitCode, result.ExitStatus), Is.EqualTo((InstallerExitCodes.Failure, 67)));
    }

    [Test]
    public void Run_WhenTheFolderDoesNotExistYet_SaysThereWasNothingToProtect()
    {
        var installer = FakeInstaller.RegeneratingIc(_dir.Certificates, 0);

        var result = Run(installer);

        Assert.That((result.Outcome, result.CertDirExisted, installer.Runs), Is.EqualTo((WrapperOutcome.Succeeded, false, 1)));
        Assert.That(Directory.Exists(_dir.Certificates), Is.True, "the installer's new folder stays");
    }

    [Test]
    public void Run_WhenTheInstallerCannotStart_LeavesTheFolderAndReturns1603()
    {
        ThirdPartyFolder();
        var before = FolderPicture.Of(_dir.Certificates).Hashes;

        var result = Run(new FakeInstaller(() => throw new InstallerStartException("no such file")));

        Assert.That(FolderPicture.Of(_dir.Certificates).Hashes, Is.EqualTo(before));
        Assert.That((result.ExitCode, result.InstallerExitCode), Is.EqualTo((InstallerExitCodes.Failure, (int?)null)));
        Assert.That(result.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Code), Has.Member(CodeRegistry.Of(InputErrorCode.CommandNotStarted)));
        AssertNoRunLeft();
    }

    [Test]
    public void Run_WhenAnotherRunHoldsTheLock_Returns1618WithoutRunningTheInstaller()
    {
        ThirdPartyFolder();
        var before = FolderPicture.Of(_dir.Certificates).Hashes;
        var store = new SnapshotStore(_dir.BackupRoot, new PhysicalFileSystem(), _clock, new TestLockProbe(true));
        using var held = store.AcquireLock("a CertInstaller custom action");
        var installer = FakeInstaller.RegeneratingIc(_dir.Certificates, 0);

        var result = Run(installer, holdersAlive: true);

        Assert.That((result.ExitCode, result.Outcome, installer.Runs), Is.EqualTo((InstallerExitCodes.AlreadyRunning, WrapperOutcome.Refused, 0)));
        Assert.That(result.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Code), Has.Member(CodeRegistry.Of(BackupErrorCode.LockHeld)));
        Assert.That(FolderPicture.Of(_dir.Certificates).Hashes, Is.EqualTo(before));
        Assert.That(store.List(), Is.Empty, "no snapshot taken");
    }

    [Test]
    public void Run_WhenAnotherWrapperIsBetweenSteps_Returns1618WithoutRunningTheInstaller()
    {
        ThirdPartyFolder();
        IInstallerProcess? second = null;
        WrapperResult? secondResult = null;
        // The first run is between its Backup and its installer: no lock held, only its run state claims the folder.
        var first = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), checkpoint: step =>
        {
            if (step == WrapperStep.BackedUp)
            {
                second = FakeInstaller.RegeneratingIc(_dir.Certificates, 0);
                secondResult = new InstallerWrapper(second, new PhysicalFileSystem(), _clock, new TestLockProbe(true))
                    .Run(Data(), Command);
            }
        });

        Assert.That((secondResult!.ExitCode, secondResult.Outcome, ((FakeInstaller)second!).Runs),
            Is.EqualTo((InstallerExitCodes.AlreadyRunning, WrapperOutcome.Refused, 0)));
        Assert.That(secondResult.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Code), Has.Member(CodeRegistry.Of(BackupErrorCode.LockHeld)));
        Assert.That(first.Outcome, Is.EqualTo(WrapperOutcome.Succeeded), "the first run is not disturbed");
    }

    [Test]
    public void Run_WhenTheInstallerIncludesTheCustomActions_TheirBackupFailsOnTheLockAndTheRunSaysSo()
    {
        ThirdPartyFolder();
        var before = FolderPicture.Of(_dir.Certificates).Hashes;
        var nested = new FakeInstaller(() =>
        {
            // The package's own CertInstaller_Backup (exe form: the action host appends its block to the same log).
            var data = new ActionData { CertDir = _dir.Certificates, BackupDir = _dir.BackupRoot, ProductCode = "{VENDOR}" };
            var outcome = new ActionRunner(BackupPorts.Machine with { Clock = _clock }).Run(ActionOperation.Backup, data);
            new ActionLogFile(new PhysicalFileSystem(), _dir.BackupRoot).Append(
                ActionLogFile.Header(_clock.UtcNow, "Backup", outcome.Succeeded ? "succeeded" : "failed"), outcome.Lines.Select(l => l.ToString()));
            return outcome.Succeeded ? 0 : InstallerExitCodes.Failure;
        });

        var result = Run(nested);

        Assert.That((result.ExitCode, result.Outcome, result.NestedActions), Is.EqualTo((InstallerExitCodes.Failure, WrapperOutcome.InstallerFailed, true)));
        Assert.That(result.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Code), Has.Member(CodeRegistry.Of(BackupErrorCode.LockHeld)));
        Assert.That(FolderPicture.Of(_dir.Certificates).Hashes, Is.EqualTo(before));
        Assert.That(TransactionMarker.Read(_dir.BackupRoot, "{VENDOR}"), Is.Null, "the package's Backup took no snapshot");
    }

    [Test]
    public void Run_WritesTheLogInTheActionsFormatAndHidesSecretValues()
    {
        ThirdPartyFolder();

        var result = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0));

        var blocks = new ActionLogFile(new PhysicalFileSystem(), _dir.BackupRoot).BlocksAfter(0);
        Assert.That(blocks.Select(b => b.Header.Split(' ')[1]), Is.SupersetOf(new[] { "run", "Backup", "Preserve", "Validate", "Commit" }));
        Assert.That(blocks.First(b => b.Header.Contains(" Backup ", StringComparison.Ordinal)).Lines[0], Does.StartWith("ActionData: CertDir="));
        Assert.That(File.ReadAllText(result.LogPath), Does.Not.Contain("hunter2"));
        Assert.That(result.Command, Does.Contain("SERVICE_PASSWORD=***"));
        Assert.That(new SnapshotStore(_dir.BackupRoot).Open(result.SnapshotId!).Manifest.Reason, Does.Contain("msiexec /i IC.msi"), "the snapshot's reason names the command");
    }

    [Test]
    public void Run_WritesTheJsonSummary()
    {
        ThirdPartyFolder();
        var json = Path.Combine(_dir.Path, "out", "summary.json");

        var result = new InstallerWrapper(FakeInstaller.RegeneratingIc(_dir.Certificates, InstallerExitCodes.RebootRequired), new PhysicalFileSystem(), _clock, new TestLockProbe(false))
            .Run(Data(), Command, jsonPath: json);

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("snapshotId").GetString(), Is.EqualTo(result.SnapshotId).And.Not.Null);
            Assert.That(root.GetProperty("installerExitCode").GetInt32(), Is.EqualTo(3010));
            Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(3010));
            Assert.That(root.GetProperty("outcome").GetString(), Is.EqualTo("succeeded"));
            Assert.That(root.GetProperty("putBack").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("validation").GetProperty("valid").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("validation").GetProperty("findings").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Array));
        });
    }
}
