using CertInstaller.Core.Actions;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Samples;

namespace CertInstaller.Core.Tests.Actions;

public class ActionRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TempFolder _temp = null!;
    private string _certs = null!;
    private string _backups = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder();
        _certs = Path.Combine(_temp.Path, "Certificates");
        _backups = Path.Combine(_temp.Path, "Backups");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private ActionData Data => new() { CertDir = _certs, BackupDir = _backups, ProductCode = "{P}", ProductVersion = "1.0", Validation = ValidationMode.Enforce };

    private ActionOutcome Run(ActionOperation op, ActionData? data = null)
    {
        var outcome = new ActionRunner(BackupPorts.Machine with { Clock = new FixedClock(Now) }).Run(op, data ?? Data);
        foreach (var line in outcome.Lines) TestContext.Out.WriteLine(line);
        return outcome;
    }

    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void Preserve_WhenInstallRegeneratedThirdPartyFolder_PutsThirdPartyBackAndValidates(TrustMode trust)
    {
        var builder = new IcFolderBuilder();
        var original = builder.BuildServer(_certs, new IcFolderSpec { Trust = trust });
        var before = FolderAssert.Picture(_certs);

        Assert.That(Run(ActionOperation.Backup).Succeeded, Is.True);
        builder.BuildServer(_certs, new IcFolderSpec { KeySeed = "regenerated" }); // what an IC install does
        Assert.That(FolderAssert.Picture(_certs), Is.Not.EqualTo(before));
        Assert.That(Run(ActionOperation.Preserve).Succeeded, Is.True);
        var validate = Run(ActionOperation.Validate);

        var after = FolderAssert.Picture(_certs);
        foreach (var file in original.ThirdPartyFiles)
            Assert.That(after[file], Is.EqualTo(before[file]), file);
        Assert.That(validate.Succeeded, Is.True);
        Assert.That(validate.Lines.Where(l => l.Level != LogLevel.Info), Is.Empty, "no finding at all, world-readable restored keys included");
        Assert.That(Run(ActionOperation.Preserve).Lines.Any(l => l.Text.Contains("0 put back")), Is.True, "a second run changes nothing");
    }

    [Test]
    public void RestoreOnRollback_AfterBackupAndChanges_RestoresFolderByteForByte()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var before = FolderAssert.Picture(_certs);
        Run(ActionOperation.Backup);
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { KeySeed = "regenerated", Server = "ic2" });
        File.Delete(Path.Combine(_certs, "ServerGroup", "ServerGroupCertificate.cer"));

        Assert.That(Run(ActionOperation.RestoreOnRollback).Succeeded, Is.True);

        Assert.That(FolderAssert.Picture(_certs), Is.EqualTo(before));
    }

    [Test]
    public void RestoreOnRollback_WhenFirstInstallCreatedFolder_RemovesWhatInstallCreated()
    {
        Run(ActionOperation.Backup);
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());

        Assert.That(Run(ActionOperation.RestoreOnRollback).Succeeded, Is.True);

        Assert.That(FolderAssert.Picture(_certs), Is.Empty);
    }

    [Test]
    public void RestoreOnRollback_WhenBackupNeverRan_ChangesNothing()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        var before = FolderAssert.Picture(_certs);

        var outcome = Run(ActionOperation.RestoreOnRollback);

        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(FolderAssert.Picture(_certs), Is.EqualTo(before));
    }

    [Test]
    public void Validate_WhenEnforceAndThirdPartyExpired_Fails()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, ThirdPartyNotAfter = Now.AddDays(-3) });

        var enforce = Run(ActionOperation.Validate);
        var warn = Run(ActionOperation.Validate, Data with { Validation = ValidationMode.Warn });

        Assert.That(enforce.Succeeded, Is.False);
        Assert.That(enforce.Lines.Any(l => l.Level == LogLevel.Error && l.Text.StartsWith("CI3002")), Is.True);
        Assert.That(warn.Succeeded, Is.True);
        Assert.That(warn.Lines.Any(l => l.Level == LogLevel.Warning && l.Text.StartsWith("CI3002")), Is.True);
    }

    [Test]
    public void Commit_AfterManyInstalls_KeepsRetainedSnapshots()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        var data = Data with { Retain = 2 };
        for (var i = 0; i < 4; i++) Run(ActionOperation.Backup, data);

        Assert.That(Run(ActionOperation.Commit, data).Succeeded, Is.True);

        var left = new SnapshotStore(_backups).List();
        Assert.That(left.Count, Is.InRange(2, 3));
    }

    [Test]
    public void Run_WhenActionDataInvalid_FailsWithProblemsAndTouchesNothing()
    {
        var outcome = new ActionRunner().Run(ActionOperation.Backup, "CertDir=;BackupDir=", out var data);

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(data, Is.Null);
        Assert.That(outcome.Lines.Select(l => l.Text), Has.Some.Contains("CERTINSTALLER_CERTDIR"));
    }

    [Test]
    public void RestoreOnRollback_WhenBackupFailedAfterAStaleMarker_ChangesNothing()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        Run(ActionOperation.Backup); // an earlier installation that died before commit leaves its marker
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { KeySeed = "renewed-since" });
        var now = FolderAssert.Picture(_certs);
        var lockPath = Path.Combine(_backups, "certinstaller.lock");
        Directory.CreateDirectory(lockPath); // the backup root cannot take its lock: this Backup fails

        var backup = Run(ActionOperation.Backup);
        var rollback = Run(ActionOperation.RestoreOnRollback);

        Assert.That(backup.Succeeded, Is.False);
        Assert.That(TransactionMarker.Read(_backups, "{P}"), Is.Null, "a failed Backup leaves no marker of an older installation behind");
        Assert.That(rollback.Succeeded, Is.True);
        Assert.That(FolderAssert.Picture(_certs), Is.EqualTo(now), "the old snapshot must not be rolled back over the current folder");
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : CertInstaller.Core.IO.IClock
{
    public DateTimeOffset UtcNow => now;
}
