using System.Text.Json;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Prevents two runs on the same backup root (and so the same certificates folder). The lock is
/// <c>certinstaller.lock</c> in the backup root, naming its holder; it is written to a temporary
/// file and renamed into place, so it is never seen half-written. A lock whose process no longer
/// runs on this machine is taken over.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly IFileSystem _fs;
    private bool _released;

    private FolderLock(IFileSystem fs, string path, LockHolder holder)
    {
        _fs = fs;
        LockPath = path;
        Holder = holder;
    }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }

    /// <summary>This acquisition.</summary>
    public LockHolder Holder { get; }

    /// <summary>Takes the lock on <paramref name="backupRoot"/> (which must exist) or throws <see cref="BackupErrorCode.LockHeld"/> naming the holder.</summary>
    public static FolderLock Acquire(IFileSystem fs, IClock clock, ILockHolderProbe probe, string backupRoot, string reason)
    {
        var current = probe.Current;
        var holder = new LockHolder(
            current.MachineName, current.ProcessId, current.ProcessName, current.ProcessStartUtc,
            clock.UtcNow, reason, Guid.NewGuid().ToString("N"));
        var path = Path.Combine(backupRoot, SnapshotLayout.LockFile);
        var temp = path + "." + holder.Token + ".tmp";
        Json.WriteNew(fs, temp, holder, privateAccess: true);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                fs.MoveFile(temp, path, overwrite: false);
                return new FolderLock(fs, path, holder);
            }
            catch (IOException) when (attempt == 0 && fs.GetEntry(path) is not null)
            {
                var existing = TryRead(fs, path);
                if (existing is not null && probe.IsAlive(existing))
                {
                    TryDelete(fs, temp);
                    throw new BackupException(
                        BackupErrorCode.LockHeld,
                        path,
                        $"Another CertInstaller run holds the backup folder: {existing.Describe()}.",
                        "Wait for that run to finish. If that process no longer runs, delete the lock file and retry.");
                }

                // Stale (holder gone) or unreadable leftover of a crash: take it over. Move it aside first and check
                // it is the lock judged stale: a second run taking over at the same moment may already have put a
                // fresh lock there, which must not be deleted.
                var aside = path + "." + holder.Token + ".stale";
                fs.MoveFile(path, aside, overwrite: false);
                var moved = TryRead(fs, aside);
                if (existing is not null && moved?.Token != existing.Token)
                {
                    fs.MoveFile(aside, path, overwrite: false);
                    TryDelete(fs, temp);
                    throw new BackupException(
                        BackupErrorCode.LockHeld,
                        path,
                        $"Another CertInstaller run took the backup folder at the same moment{(moved is null ? "" : ": " + moved.Describe())}.",
                        "Wait for that run to finish, then retry.");
                }

                fs.DeleteFile(aside);
            }
        }
    }

    /// <summary>Reads the lock file, or null when it is missing or unreadable.</summary>
    public static LockHolder? TryRead(IFileSystem fs, string lockPath)
    {
        try
        {
            return Json.Read<LockHolder>(fs, lockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock if this acquisition still holds it. Failures throw.</summary>
    public void Release()
    {
        if (_released)
        {
            return;
        }

        var current = TryRead(_fs, LockPath);
        if (current is not null && current.Token == Holder.Token)
        {
            _fs.DeleteFile(LockPath);
        }

        _released = true;
    }

    /// <summary>Releases the lock; a failure leaves a stale lock that the next run takes over, and never hides the original error.</summary>
    public void Dispose()
    {
        try
        {
            Release();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next run detects the stale lock (its process is gone) and takes it over.
        }
    }

    private static void TryDelete(IFileSystem fs, string path)
    {
        try
        {
            fs.DeleteFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray temporary lock file is harmless.
        }
    }
}
