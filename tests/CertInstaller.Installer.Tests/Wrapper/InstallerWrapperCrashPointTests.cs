using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Samples;
using CertInstaller.Core.Tests.Backup;

namespace CertInstaller.Installer.Tests.Wrapper;

/// <summary>
/// The wrapper's own steps, broken everywhere: killed after each step (the checkpoint hook stops it dead, nothing of it
/// runs after), and each of its own file operations (run state, lock, log) failed in turn, as a crash or a transient
/// error. Afterwards nothing is lost, a second wrapper cannot slip in while a killed run's state claims the folder,
/// and the next run finishes the job: the folder ends with the third-party files back and no run state or marker left.
/// </summary>
public class InstallerWrapperCrashPointTests
{
    private static readonly InstallerCommand Command = new(["msiexec", "/i", "IC.msi", "/qn"]);

    private static ActionData Data(TempDir dir) => WrapperOptions.ToActionData(
        new Dictionary<string, IReadOnlyList<string>> { ["--certdir"] = [dir.Certificates], ["--backupdir"] = [dir.BackupRoot] }, Command, "unused");

    private static string Summary(TempDir dir) => Path.Combine(dir.Path, "summary.json");

    private static (IcFolder Original, SortedDictionary<string, string> Before) Prepare(TempDir dir)
    {
        var original = new IcFolderBuilder().BuildServer(dir.Certificates, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        return (original, FolderPicture.Of(dir.Certificates).Hashes);
    }

    [TestCase(InstallerExitCodes.Success, WrapperStep.Claimed)]
    [TestCase(InstallerExitCodes.Success, WrapperStep.BackedUp)]
    [TestCase(InstallerExitCodes.Success, WrapperStep.InstallerStarting)]
    [TestCase(InstallerExitCodes.Success, WrapperStep.InstallerExited)]
    [TestCase(InstallerExitCodes.Success, WrapperStep.Preserved)]
    [TestCase(InstallerExitCodes.Success, WrapperStep.Validated)]
    [TestCase(InstallerExitCodes.Success, WrapperStep.Committed)]
    [TestCase(InstallerExitCodes.Failure, WrapperStep.InstallerExited)]
    [TestCase(InstallerExitCodes.Failure, WrapperStep.Restored)]
    public void Run_WhenKilledAfterAStep_NothingIsLostAndTheNextRunFinishesTheJob(int installerCode, WrapperStep killedAt)
    {
        using var dir = new TempDir();
        var clock = new TestClock();
        var (original, before) = Prepare(dir);
        var data = Data(dir);

        var killed = Assert.Throws<KilledException>(() =>
            new InstallerWrapper(FakeInstaller.RegeneratingIc(dir.Certificates, installerCode), new PhysicalFileSystem(), clock, new TestLockProbe(false),
                step => { if (step == killedAt) throw new KilledException(step); }).Run(data, Command));
        Assert.That(killed!.Step, Is.EqualTo(killedAt), "the run reached the step");

        // Nothing lost: every file of before is live or in a verified snapshot.
        var store = new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), clock, new TestLockProbe(false));
        var kept = store.List().SelectMany(s => s.Manifest.Files.Select(f => (f.RelativePath, f.Sha256))).ToHashSet();
        var live = FolderPicture.Of(dir.Certificates).Hashes;
        foreach (var (path, hash) in before)
        {
            Assert.That(live.GetValueOrDefault(path) == hash || kept.Contains((path, hash)), Is.True, $"{path} lost (killed after {killedAt})");
        }

        Assert.That(store.List().All(s => store.Verify(s.Id).IsValid), Is.True);
        Assert.That(File.Exists(WrapperRunState.PathIn(dir.BackupRoot)), Is.True, "the killed run's state stays");

        // While the killed run's installer might still run, nobody starts over it.
        var blocked = new InstallerWrapper(FakeInstaller.RegeneratingIc(dir.Certificates, 0), new PhysicalFileSystem(), clock, new TestLockProbe(true)) { LockWait = TimeSpan.Zero }
            .Run(data, Command);
        Assert.That(blocked.ExitCode, Is.EqualTo(InstallerExitCodes.AlreadyRunning));

        // The next run (the killed one is gone) finishes the job, then does its own.
        clock.Advance(TimeSpan.FromMinutes(5));
        var next = new InstallerWrapper(FakeInstaller.RegeneratingIc(dir.Certificates, 0), new PhysicalFileSystem(), clock, new TestLockProbe(false)).Run(data, Command);

        Assert.That((next.ExitCode, next.Outcome, next.FinishedInterruptedRun), Is.EqualTo((0, WrapperOutcome.Succeeded, true)), $"killed after {killedAt}");
        var after = FolderPicture.Of(dir.Certificates).Hashes;
        foreach (var file in original.ThirdPartyFiles) Assert.That(after[file], Is.EqualTo(before[file]), $"{file} (killed after {killedAt})");
        Assert.That(File.Exists(WrapperRunState.PathIn(dir.BackupRoot)), Is.False);
        Assert.That(TransactionMarker.Read(dir.BackupRoot, WrapperOptions.ProductCode), Is.Null);
    }

    [TestCase(FaultMode.Crash, InstallerExitCodes.Success)]
    [TestCase(FaultMode.Transient, InstallerExitCodes.Success)]
    [TestCase(FaultMode.Crash, InstallerExitCodes.Failure)]
    [TestCase(FaultMode.Transient, InstallerExitCodes.Failure)]
    public void Run_WhenAnyOwnFileOperationFails_TheFolderIsWholeAndTheNextRunCompletes(FaultMode mode, int installerCode)
    {
        int total;
        using (var count = new TempDir())
        {
            Prepare(count);
            var counter = new FaultInjectingFileSystem(new PhysicalFileSystem(), 0);
            new InstallerWrapper(FakeInstaller.RegeneratingIc(count.Certificates, installerCode), counter, new TestClock(), new TestLockProbe(false))
                .Run(Data(count), Command, jsonPath: Summary(count));
            total = counter.MutationCount;
            // Issue 23 §6: the action log's appends and the --json summary go through the port, so the faults below reach them.
            Assert.That(counter.Log, Has.Some.Contains("OpenOwnFileForAppend " + Path.Combine(count.BackupRoot, ActionLogFile.FileName)));
            Assert.That(counter.Log, Has.Some.Contains("CreateNew " + Path.Combine(count.Path, ".summary.json.")));
        }

        var outcomes = new Dictionary<WrapperOutcome, int>();
        for (var k = 1; k <= total; k++)
        {
            using var dir = new TempDir();
            var clock = new TestClock();
            var (original, before) = Prepare(dir);
            var faulty = new FaultInjectingFileSystem(new PhysicalFileSystem(), k, mode);

            var result = new InstallerWrapper(FakeInstaller.RegeneratingIc(dir.Certificates, installerCode), faulty, clock, new TestLockProbe(false)) { LockWait = TimeSpan.Zero }
                .Run(Data(dir), Command, jsonPath: Summary(dir));

            var context = $"k={k}/{total} ({mode}, installer {installerCode}) -> {result.Outcome} {result.ExitCode}; ops: {string.Join(" | ", faulty.Log)}";
            outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
            var after = FolderPicture.Of(dir.Certificates).Hashes;
            if (result.Outcome == WrapperOutcome.Succeeded)
            {
                foreach (var file in original.ThirdPartyFiles) Assert.That(after[file], Is.EqualTo(before[file]), $"{file}; {context}");
                Assert.That(result.ExitCode, Is.EqualTo(installerCode), context);
            }
            else if (result.Outcome == WrapperOutcome.RestoreFailed)
            {
                // Its own lock could not be removed (crash mode: nothing more can be written), so the restore could not take
                // it: nothing is lost, the run state stays, and the re-run below restores.
                var kept = new SnapshotStore(dir.BackupRoot).List().SelectMany(s => s.Manifest.Files.Select(f => (f.RelativePath, f.Sha256))).ToHashSet();
                foreach (var (path, hash) in before)
                {
                    Assert.That(after.GetValueOrDefault(path) == hash || kept.Contains((path, hash)), Is.True, $"{path} lost; {context}");
                }

                Assert.That(File.Exists(WrapperRunState.PathIn(dir.BackupRoot)), Is.True, "the run state stays for the next run; " + context);
                Assert.That(InstallerExitCodes.IsSuccess(result.ExitCode), Is.False, context);
            }
            else
            {
                Assert.That(after, Is.EqualTo(before), "a run that did not succeed leaves the folder as it was; " + context);
                Assert.That(InstallerExitCodes.IsSuccess(result.ExitCode), Is.False, context);
            }

            clock.Advance(TimeSpan.FromMinutes(5));
            var rerun = new InstallerWrapper(FakeInstaller.RegeneratingIc(dir.Certificates, 0), new PhysicalFileSystem(), clock, new TestLockProbe(false)).Run(Data(dir), Command);
            Assert.That(rerun.Outcome, Is.EqualTo(WrapperOutcome.Succeeded), "re-run; " + context);
            var final = FolderPicture.Of(dir.Certificates).Hashes;
            foreach (var file in original.ThirdPartyFiles) Assert.That(final[file], Is.EqualTo(before[file]), $"re-run {file}; {context}");
            Assert.That(File.Exists(WrapperRunState.PathIn(dir.BackupRoot)), Is.False, "re-run leaves no run state; " + context);
        }

        TestContext.Out.WriteLine($"{mode}, installer {installerCode}: {total} own file operations; outcomes {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        Assert.That(total, Is.GreaterThanOrEqualTo(8));
    }
}
