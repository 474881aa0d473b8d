using System.Text.Json;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>The holder releases its lock between this run's failed take and its look at the lock (issue 25, §5: a second
/// wrapper got 1603 "Could not find file" instead of a clear answer): the lock is simply free, and is taken.</summary>
public class FolderLockReleaseRaceTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void Acquire_WhenTheHolderReleasesRightAfterTheFailedTake_TakesTheLock(bool holderAlive)
    {
        using var dir = new TempDir();
        var lockPath = Path.Combine(dir.Path, SnapshotLayout.LockFile);
        var holder = new LockHolder("TESTHOST", 1, "msiexec", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "the first run", "first-token");
        File.WriteAllText(lockPath, JsonSerializer.Serialize(holder, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        var fs = new ReleasingFileSystem(lockPath, releaseAfterFailedMoveNumber: holderAlive ? 1 : 2);

        using var taken = FolderLock.Acquire(fs, new TestClock(), new TestLockProbe(holderAlive), dir.Path, "the second run");

        Assert.That(FolderLock.TryRead(fs, lockPath)!.Token, Is.EqualTo(taken.Holder.Token));
        Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { lockPath }), "no temp or aside file is left");
    }

    /// <summary>The real file system, where the holder deletes its lock around the n-th move (1: right after this run's
    /// take into place failed; 2: right before the move aside of a lock judged stale).</summary>
    private sealed class ReleasingFileSystem(string lockPath, int releaseAfterFailedMoveNumber) : DelegatingFileSystem(new PhysicalFileSystem())
    {
        private int _moves;

        public override void MoveFile(string source, string destination, bool overwrite)
        {
            var race = ++_moves == releaseAfterFailedMoveNumber;
            if (race && source == lockPath)
            {
                File.Delete(lockPath); // released just before the move aside: the move finds nothing
            }

            try
            {
                Inner.MoveFile(source, destination, overwrite);
            }
            catch (IOException) when (race && destination == lockPath)
            {
                File.Delete(lockPath); // released right after this run's take failed
                throw;
            }
        }
    }
}
