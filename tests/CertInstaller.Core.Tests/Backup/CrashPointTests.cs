using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// Fails the k-th mutating file-system operation, for every k, of a backup, an exact restore, a put-back and a prune:
/// as an exception (crash, transient) and as a power cut that drops every write not yet flushed or synced. After each
/// failure: the folder is unchanged, complete, or (restores) every file is its old or its new self; no snapshot is
/// left damaged; nothing is lost; and a re-run completes.
/// </summary>
public class CrashPointTests
{
    private static readonly string[] PutBackPaths = { SampleFolder.ThirdPartyCert, SampleFolder.ThirdPartyKey, SampleFolder.IcCaCert };

    [TestCase(FaultMode.Crash)]
    [TestCase(FaultMode.Transient)]
    [TestCase(FaultMode.PowerCut)]
    public void Create_WhenAnyOperationFails_FolderUnchangedAndRerunCompletes(FaultMode mode)
    {
        var total = CountOperations((dir, _) => SampleFolder.Write(dir.Certificates), (store, dir) => store.Create(Request(dir)));
        var failures = 0;
        for (var k = 1; k <= total; k++)
        {
            using var dir = new TempDir();
            SampleFolder.Write(dir.Certificates);
            var before = FolderPicture.Of(dir.Certificates);
            var faulty = new FaultInjectingFileSystem(new PhysicalFileSystem(), k, mode);
            var clock = new TestClock();

            var error = Catch(() => new SnapshotStore(dir.BackupRoot, faulty, clock, new TestLockProbe(true)).Create(Request(dir)));

            failures += error is null ? 0 : 1;
            var context = $"k={k}/{total} ({mode}); ops: {string.Join(" | ", faulty.Log)}";
            var clean = new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), clock, new TestLockProbe(false));
            Assert.That(FolderPicture.Of(dir.Certificates).SameAs(before), Is.True, "source changed; " + context);
            Assert.That(error, Is.Null.Or.InstanceOf<BackupException>(), context);
            foreach (var listed in clean.List())
            {
                AssertCompleteSnapshot(clean, listed, before, context);
            }

            Assert.That(clean.VerifyAll().Where(r => !r.IsValid).Select(r => r.SnapshotId), Is.Empty, "a damaged snapshot is visible; " + context);

            clock.Advance(TimeSpan.FromMinutes(1));
            var rerun = clean.Create(Request(dir));
            AssertCompleteSnapshot(clean, rerun, before, "re-run; " + context);
        }

        TestContext.Out.WriteLine($"Create ({mode}): {total} crash points, {failures} surfaced as errors");
        Assert.That(total, Is.GreaterThanOrEqualTo(20));
    }

    [TestCase(FaultMode.Crash)]
    [TestCase(FaultMode.Transient)]
    [TestCase(FaultMode.PowerCut)]
    public void RestoreExact_WhenAnyOperationFails_EachFileOldOrNewNothingLostAndRerunCompletes(FaultMode mode)
    {
        var total = CountOperations((dir, store) => PrepareRestore(dir, store), (store, dir) => new SnapshotRestorer(store).RestoreExact(store.List()[0].Id, dir.Certificates));
        var outcomes = new Outcomes();
        for (var k = 1; k <= total; k++)
        {
            using var dir = new TempDir();
            var clock = new TestClock();
            var clean = new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), clock, new TestLockProbe(false));
            var snapshot = PrepareRestore(dir, clean);
            var wanted = FolderPicture.Of(Path.Combine(snapshot.Path, "files"));
            var old = FolderPicture.Of(dir.Certificates);
            var faulty = new FaultInjectingFileSystem(new PhysicalFileSystem(), k, mode);
            var faultyStore = new SnapshotStore(dir.BackupRoot, faulty, clock, new TestLockProbe(true));

            var error = Catch(() => new SnapshotRestorer(faultyStore).RestoreExact(snapshot.Id, dir.Certificates));

            var context = $"k={k}/{total} ({mode}); ops: {string.Join(" | ", faulty.Log)}";
            Assert.That(error, Is.Null.Or.InstanceOf<BackupException>(), context);
            var after = FolderPicture.Of(dir.Certificates);
            outcomes.Record(after, old, wanted, error);
            if (error is BackupException { Code: BackupErrorCode.RestoreFailedRolledBack })
            {
                Assert.That(Outcomes.SameFiles(after, old), Is.True, $"rolled back but changed: {after.Describe()}; {context}");
            }

            AssertEachFileOldOrNew(after, old, wanted, _ => true, context);
            AssertNothingLost(old, dir.Certificates, snapshot.Path, context);
            Assert.That(clean.Verify(snapshot.Id).IsValid, Is.True, context);

            clock.Advance(TimeSpan.FromMinutes(1));
            new SnapshotRestorer(clean).RestoreExact(snapshot.Id, dir.Certificates);

            var final = FolderPicture.Of(dir.Certificates);
            Assert.That(final.SameAs(wanted), Is.True, $"re-run: {final.Describe()}; {context}");
            AssertNothingLost(old, dir.Certificates, snapshot.Path, "re-run; " + context);
        }

        TestContext.Out.WriteLine($"RestoreExact ({mode}): {total} crash points; {outcomes}");
        Assert.That(mode != FaultMode.Transient || outcomes.Mixed == 0, Is.True, "a transient error must leave the folder unchanged or complete");
        Assert.That(total, Is.GreaterThanOrEqualTo(30));
    }

    [TestCase(FaultMode.Crash)]
    [TestCase(FaultMode.Transient)]
    [TestCase(FaultMode.PowerCut)]
    public void PutBack_WhenAnyOperationFails_OthersUntouchedNothingLostAndRerunCompletes(FaultMode mode)
    {
        var total = CountOperations((dir, store) => PrepareRestore(dir, store), (store, dir) => new SnapshotRestorer(store).PutBack(store.List()[0].Id, dir.Certificates, PutBackPaths));
        var outcomes = new Outcomes();
        var inSubset = new HashSet<string>(PutBackPaths, StringComparer.Ordinal);
        for (var k = 1; k <= total; k++)
        {
            using var dir = new TempDir();
            var clock = new TestClock();
            var clean = new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), clock, new TestLockProbe(false));
            var snapshot = PrepareRestore(dir, clean);
            var snapshotFiles = FolderPicture.Of(Path.Combine(snapshot.Path, "files"));
            var old = FolderPicture.Of(dir.Certificates);
            var wanted = Merge(old, snapshotFiles, inSubset);
            var faulty = new FaultInjectingFileSystem(new PhysicalFileSystem(), k, mode);
            var faultyStore = new SnapshotStore(dir.BackupRoot, faulty, clock, new TestLockProbe(true));

            var error = Catch(() => new SnapshotRestorer(faultyStore).PutBack(snapshot.Id, dir.Certificates, PutBackPaths));

            var context = $"k={k}/{total} ({mode}); ops: {string.Join(" | ", faulty.Log)}";
            Assert.That(error, Is.Null.Or.InstanceOf<BackupException>(), context);
            var after = FolderPicture.Of(dir.Certificates);
            outcomes.Record(after, old, wanted, error);
            if (error is BackupException { Code: BackupErrorCode.RestoreFailedRolledBack })
            {
                Assert.That(Outcomes.SameFiles(after, old), Is.True, $"rolled back but changed: {after.Describe()}; {context}");
            }

            AssertEachFileOldOrNew(after, old, wanted, inSubset.Contains, context);
            AssertNothingLost(old, dir.Certificates, snapshot.Path, context);

            clock.Advance(TimeSpan.FromMinutes(1));
            new SnapshotRestorer(clean).PutBack(snapshot.Id, dir.Certificates, PutBackPaths);

            var final = FolderPicture.Of(dir.Certificates);
            Assert.That(final.Files.Keys, Is.EquivalentTo(wanted.Files.Keys), context);
            Assert.That(final.Files.All(f => f.Value.AsSpan().SequenceEqual(wanted.Files[f.Key])), Is.True, $"re-run: {final.Describe()}; {context}");
            AssertNothingLost(old, dir.Certificates, snapshot.Path, "re-run; " + context);
        }

        TestContext.Out.WriteLine($"PutBack ({mode}): {total} crash points; {outcomes}");
        Assert.That(mode != FaultMode.Transient || outcomes.Mixed == 0, Is.True, "a transient error must leave the folder unchanged or complete");
        Assert.That(total, Is.GreaterThanOrEqualTo(15));
    }

    [TestCase(FaultMode.Crash)]
    [TestCase(FaultMode.Transient)]
    [TestCase(FaultMode.PowerCut)]
    public void Prune_WhenAnyOperationFails_KeptSnapshotsIntactAndRerunCompletes(FaultMode mode)
    {
        var total = CountOperations((dir, store) => PreparePrune(dir, store), (store, _) => store.Prune(new RetentionPolicy(2)));
        for (var k = 1; k <= total; k++)
        {
            using var dir = new TempDir();
            var clock = new TestClock();
            var clean = new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), clock, new TestLockProbe(false));
            var ids = PreparePrune(dir, clean);
            var faulty = new FaultInjectingFileSystem(new PhysicalFileSystem(), k, mode);

            var error = Catch(() => new SnapshotStore(dir.BackupRoot, faulty, clock, new TestLockProbe(true)).Prune(new RetentionPolicy(2)));

            var context = $"k={k}/{total} ({mode}); ops: {string.Join(" | ", faulty.Log)}";
            Assert.That(error, Is.Null.Or.InstanceOf<BackupException>(), context);
            var listed = clean.List().Select(s => s.Id).ToList();
            Assert.That(listed, Is.SupersetOf(ids.Take(2)), context);
            Assert.That(listed.All(id => clean.Verify(id).IsValid), Is.True, "a listed snapshot is half-deleted; " + context);
            Assert.That(clean.VerifyAll().All(r => r.IsValid), Is.True, "a snapshot folder is damaged; " + context);

            clean.Prune(new RetentionPolicy(2));
            Assert.That(clean.List().Select(s => s.Id), Is.EqualTo(ids.Take(2)), context);
            Assert.That(Directory.EnumerateDirectories(dir.BackupRoot).Count(), Is.EqualTo(2), "leftovers remain; " + context);
        }

        TestContext.Out.WriteLine($"Prune ({mode}): {total} crash points");
        Assert.That(total, Is.GreaterThanOrEqualTo(5));
    }

    /// <summary>Four snapshots of unclassified content, newest first in the result, plus a leftover partial.</summary>
    private static List<string> PreparePrune(TempDir dir, SnapshotStore store)
    {
        SampleFolder.Write(dir.Certificates);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Insert(0, store.Create(new SnapshotRequest(dir.Certificates, "install") { MachineName = "IC1" }).Id);
            ((TestClock)store.Clock).Advance(TimeSpan.FromMinutes(1));
        }

        Directory.CreateDirectory(Path.Combine(dir.BackupRoot, "20270101T000000Z-abcdef.partial", "files", "x"));
        File.WriteAllText(Path.Combine(dir.BackupRoot, "20270101T000000Z-abcdef.partial", "files", "x", "y.cer"), "partial");
        return ids;
    }

    /// <summary>Snapshot of generation A, then the folder regenerated (B) plus a user file the snapshot lacks.</summary>
    private static SnapshotInfo PrepareRestore(TempDir dir, SnapshotStore store)
    {
        SampleFolder.Write(dir.Certificates);
        var snapshot = store.Create(Request(dir));
        SampleFolder.Regenerate(dir.Certificates);
        SampleFolder.WriteFile(dir.Certificates, "CSRs/admin-notes.txt", "written by an admin after the backup"u8.ToArray());
        return snapshot;
    }

    private static int CountOperations(Action<TempDir, SnapshotStore> prepare, Action<SnapshotStore, TempDir> operation)
    {
        using var dir = new TempDir();
        var clock = new TestClock();
        prepare(dir, new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), clock, new TestLockProbe(false)));
        var counting = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);
        operation(new SnapshotStore(dir.BackupRoot, counting, clock, new TestLockProbe(false)), dir);
        return counting.MutationCount;
    }

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static void AssertCompleteSnapshot(SnapshotStore store, SnapshotInfo snapshot, FolderPicture source, string context)
    {
        Assert.That(store.Verify(snapshot.Id).IsValid, Is.True, context);
        var files = FolderPicture.Of(Path.Combine(snapshot.Path, "files"));
        Assert.That(files.SameAs(source), Is.True, $"{files.Describe()}; {context}");
    }

    /// <summary>Every path holds its old bytes or its new bytes (absent counts as a value); only in-scope paths may change; staging leftovers are allowed.</summary>
    private static void AssertEachFileOldOrNew(FolderPicture after, FolderPicture old, FolderPicture wanted, Func<string, bool> inScope, string context)
    {
        var paths = after.Files.Keys.Concat(old.Files.Keys).Concat(wanted.Files.Keys).Distinct();
        foreach (var path in paths.Where(p => !p.EndsWith(".certinstaller-staging", StringComparison.Ordinal)))
        {
            var now = after.Files.TryGetValue(path, out var a) ? a : null;
            var before = old.Files.TryGetValue(path, out var b) ? b : null;
            var target = wanted.Files.TryGetValue(path, out var w) ? w : null;
            var isOld = Same(now, before);
            Assert.That(isOld || (inScope(path) && Same(now, target)), Is.True, $"{path} is neither old nor new; {context}");
        }
    }

    /// <summary>Every byte that was live before the restore is still live or in the snapshot (its displaced area).</summary>
    private static void AssertNothingLost(FolderPicture old, string folder, string snapshotPath, string context)
    {
        var findable = FolderPicture.ContentUnder(folder);
        findable.UnionWith(FolderPicture.ContentUnder(snapshotPath));
        foreach (var file in old.Files)
        {
            Assert.That(findable, Does.Contain(FolderPicture.Sha(file.Value)), $"lost {file.Key}; {context}");
        }
    }

    private static bool Same(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    private static FolderPicture Merge(FolderPicture old, FolderPicture snapshot, HashSet<string> subset)
    {
        var files = old.Files.Where(f => !subset.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value);
        foreach (var path in subset)
        {
            files[path] = snapshot.Files[path];
        }

        return new FolderPicture(files, old.Directories);
    }

    private static SnapshotRequest Request(TempDir dir) =>
        new(dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" };

    /// <summary>How the folder looked right after each failure.</summary>
    private sealed class Outcomes
    {
        private int _unchanged;
        private int _complete;
        private int _mixed;
        private int _rolledBack;

        public int Mixed => _mixed;

        public void Record(FolderPicture after, FolderPicture old, FolderPicture wanted, Exception? error)
        {
            _rolledBack += error is BackupException { Code: BackupErrorCode.RestoreFailedRolledBack } ? 1 : 0;
            var withoutStaging = new FolderPicture(
                after.Files.Where(f => !f.Key.EndsWith(".certinstaller-staging", StringComparison.Ordinal)),
                after.Directories,
                after.Exists);
            if (SameFiles(withoutStaging, old))
            {
                _unchanged++;
            }
            else if (SameFiles(withoutStaging, wanted))
            {
                _complete++;
            }
            else
            {
                _mixed++;
            }
        }

        public override string ToString() =>
            $"after the failure the folder's files were unchanged {_unchanged}x (rolled back by the restorer {_rolledBack}x), complete {_complete}x, per-file mixed (each file old or new) {_mixed}x";

        public static bool SameFiles(FolderPicture x, FolderPicture y) =>
            x.Files.Count == y.Files.Count && x.Files.All(f => y.Files.TryGetValue(f.Key, out var b) && b.AsSpan().SequenceEqual(f.Value));
    }
}
