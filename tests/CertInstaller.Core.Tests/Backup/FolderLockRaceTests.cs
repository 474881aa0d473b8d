using System.Text.Json;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>Two runs take over the same stale lock at once: only one may win, and the winner's lock must survive.</summary>
public class FolderLockRaceTests
{
    [Test]
    public void Acquire_WhenAnotherRunReplacesTheStaleLockMeanwhile_RefusesAndKeepsTheirLock()
    {
        using var dir = new TempDir();
        var lockPath = Path.Combine(dir.Path, SnapshotLayout.LockFile);
        var stale = new LockHolder("IC1", 1, "msiexec", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "died", "stale-token");
        var fresh = stale with { ProcessId = 2, Reason = "the other run", Token = "fresh-token" };
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        File.WriteAllText(lockPath, JsonSerializer.Serialize(stale, options));
        var fs = new RacingFileSystem(lockPath, () => File.WriteAllText(lockPath, JsonSerializer.Serialize(fresh, options)));

        var e = Assert.Throws<BackupException>(() => FolderLock.Acquire(fs, new TestClock(), new TestLockProbe(false), dir.Path, "backup"))!;

        Assert.That(e.Code, Is.EqualTo(BackupErrorCode.LockHeld));
        Assert.That(File.ReadAllText(lockPath), Does.Contain("fresh-token"), "the other run's lock is still in place");
        Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { lockPath }), "no temp or aside file is left");
    }

    /// <summary>The real file system, where another run swaps the lock file just before this run moves it aside.</summary>
    private sealed class RacingFileSystem(string lockPath, Action otherRun) : DelegatingFileSystem(new PhysicalFileSystem())
    {
        private bool _raced;

        public override void MoveFile(string source, string destination, bool overwrite)
        {
            if (!_raced && source == lockPath)
            {
                _raced = true;
                otherRun();
            }
            Inner.MoveFile(source, destination, overwrite);
        }
    }
}
