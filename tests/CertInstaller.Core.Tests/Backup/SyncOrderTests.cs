using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// The order of file-system calls, recorded through the <see cref="IFileSystem"/> port: every file is flushed to disk
/// before the rename that makes it count, and every rename, create or delete is followed by a sync of its directory
/// (restic's local.Save: write, flush, close, rename, sync the directory).
/// </summary>
public class SyncOrderTests
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

    [Test]
    public void Create_FlushesEveryFileAndSyncsEveryDirectoryBeforeTheRenameThenSyncsTheRoot()
    {
        SampleFolder.Write(_dir.Certificates);
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);

        var snapshot = new SnapshotStore(_dir.BackupRoot, fs, _clock, new TestLockProbe(false)).Create(Request());

        var ops = LoggedOperation.Of(fs);
        var partial = snapshot.Path + ".partial";
        var rename = ops.FindIndex(o => o.Op == "MoveDirectory" && o.Path == partial && o.To == snapshot.Path);
        var written = ops.Where(o => o.Op == "CreateNew" && o.Path.StartsWith(partial, StringComparison.Ordinal)).ToList();
        Assert.That(rename, Is.GreaterThan(0), LoggedOperation.Describe(ops));
        Assert.That(written, Has.Count.EqualTo(SampleFolder.Files.Length + 1), "every file and the manifest");
        foreach (var file in written)
        {
            Assert.That(Index(ops, "FlushToDisk", file.Path), Is.InRange(ops.IndexOf(file) + 1, rename - 1), $"{file.Path} flushed before the rename; {LoggedOperation.Describe(ops)}");
        }

        foreach (var directory in ops.Where(o => o.Op == "CreateDirectory" && o.Path.StartsWith(partial, StringComparison.Ordinal)).Select(o => o.Path))
        {
            var lastChild = ops.FindLastIndex(o => o.Op is "CreateNew" or "CreateDirectory" && Path.GetDirectoryName(o.Path) == directory);
            var sync = ops.FindIndex(o => o.Op == "SyncDirectory" && o.Path == directory);
            Assert.That(sync, Is.GreaterThan(lastChild).And.LessThan(rename), $"{directory} synced after its entries, before the rename; {LoggedOperation.Describe(ops)}");
        }

        var rootSync = ops.FindIndex(rename, o => o.Op == "SyncDirectory" && o.Path == _dir.BackupRoot);
        var release = ops.FindIndex(rename, o => o.Op == "DeleteFile" && o.Path.EndsWith("certinstaller.lock", StringComparison.Ordinal));
        Assert.That(rootSync, Is.GreaterThan(rename).And.LessThan(release), $"the root is synced after the rename, before the lock goes; {LoggedOperation.Describe(ops)}");
    }

    [Test]
    public void RestoreExact_KeepsEachLiveFileOnDiskThenFlushesItsStagedFileThenRenamesAndSyncs()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = new SnapshotStore(_dir.BackupRoot, new PhysicalFileSystem(), _clock, new TestLockProbe(false)).Create(Request());
        SampleFolder.Regenerate(_dir.Certificates);
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);

        var report = new SnapshotRestorer(new SnapshotStore(_dir.BackupRoot, fs, _clock, new TestLockProbe(false))).RestoreExact(snapshot.Id, _dir.Certificates);

        var ops = LoggedOperation.Of(fs);
        var commits = ops.Select((o, i) => (o, i)).Where(x => x.o.Op is "MoveFile" or "DeleteFile" && (x.o.To ?? x.o.Path).StartsWith(_dir.Certificates + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !x.o.Path.EndsWith(".certinstaller-staging.tmp", StringComparison.Ordinal)).ToList();
        Assert.That(commits.Count(c => c.o.Op == "MoveFile"), Is.EqualTo(4), LoggedOperation.Describe(ops));
        foreach (var (commit, at) in commits)
        {
            var target = commit.To ?? commit.Path;
            if (commit.Op == "MoveFile")
            {
                Assert.That(Index(ops, "FlushToDisk", commit.Path), Is.LessThan(at), $"{commit.Path} flushed before its rename; {LoggedOperation.Describe(ops)}");
            }

            var relative = Path.GetRelativePath(_dir.Certificates, target).Replace('\\', '/');
            if (report.Files.SingleOrDefault(f => f.RelativePath == relative)?.DisplacedPath is { } displaced)
            {
                Assert.That(Index(ops, "FlushToDisk", displaced), Is.LessThan(at), $"{displaced} on disk before {target} changes");
                Assert.That(ops.FindLastIndex(at, o => o.Op == "SyncDirectory" && o.Path == Path.GetDirectoryName(displaced)), Is.GreaterThan(Index(ops, "CreateNew", displaced)), $"the displaced copy's directory synced before {target} changes");
            }

            Assert.That(ops.FindIndex(at, o => o.Op == "SyncDirectory" && o.Path == Path.GetDirectoryName(target)), Is.EqualTo(at + 1), $"{target}'s directory synced right after; {LoggedOperation.Describe(ops)}");
        }
    }

    [Test]
    public void FolderLock_AcquireAndRelease_IsTempFlushRenameSyncThenDeleteSync()
    {
        Directory.CreateDirectory(_dir.BackupRoot);
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);

        FolderLock.Acquire(fs, _clock, new TestLockProbe(false), _dir.BackupRoot, "backup").Release();

        var ops = LoggedOperation.Of(fs);
        var lockPath = Path.Combine(_dir.BackupRoot, "certinstaller.lock");
        Assert.That(ops.Select(o => (o.Op, (o.To ?? o.Path) == lockPath ? "lock" : o.Path == _dir.BackupRoot ? "root" : "temp")), Is.EqualTo(new[]
        {
            ("CreateNew", "temp"), ("FlushToDisk", "temp"), ("MoveFile", "lock"), ("SyncDirectory", "root"), ("DeleteFile", "lock"), ("SyncDirectory", "root"),
        }), LoggedOperation.Describe(ops));
    }

    private static int Index(List<LoggedOperation> ops, string op, string path) => ops.FindIndex(o => o.Op == op && o.Path == path);

    private SnapshotRequest Request() => new(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" };
}
