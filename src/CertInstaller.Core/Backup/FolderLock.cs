using System.Text.Json;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// A lock file naming its holder. Two are used: <c>certinstaller.lock</c> in a backup root (one run on that root's
/// snapshots at a time) and <c>&lt;folder&gt;.certinstaller.lock</c> beside a certificates folder (one run on that folder
/// at a time, whichever backup root it uses). It is written to a temporary file, flushed to disk, renamed into place
/// and the directory synced, so it is never seen half-written and survives a power cut. A lock whose process no
/// longer runs on this machine is taken over.
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
    public static FolderLock Acquire(IFileSystem fs, IClock clock, ILockHolderProbe probe, string backupRoot, string reason) =>
        AcquireFile(fs, clock, probe, Path.Combine(backupRoot, SnapshotLayout.LockFile), "the backup folder", reason);

    /// <summary>Takes the lock file <paramref name="path"/> (its directory must exist) for <paramref name="subject"/> ("the backup folder").</summary>
    public static FolderLock AcquireFile(IFileSystem fs, IClock clock, ILockHolderProbe probe, string path, string subject, string reason)
    {
        var current = probe.Current;
        var holder = new LockHolder(
            current.MachineName, current.ProcessId, current.ProcessName, current.ProcessStartUtc,
            clock.UtcNow, reason, Guid.NewGuid().ToString("N"));
        var directory = Durable.Parent(path);
        var temp = path + "." + holder.Token + ".tmp";
        Json.WriteNew(fs, temp, holder, privateAccess: true);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                fs.MoveFile(temp, path, overwrite: false);
                fs.SyncDirectory(directory);
                return new FolderLock(fs, path, holder);
            }
            catch (IOException) when (attempt < 3)
            {
                if (fs.GetEntry(path) is null)
                {
                    continue; // released meanwhile (or the move failed for another reason: the next attempt says which)
                }

                var existing = TryRead(fs, path);
                if (existing is not null && probe.IsAlive(existing))
                {
                    TryDelete(fs, temp);
                    throw new BackupException(
                        BackupErrorCode.LockHeld,
                        path,
                        $"Another CertInstaller run holds {subject}: {existing.Describe()}.",
                        "Wait for that run to finish. If that process no longer runs, delete the lock file and retry.");
                }

                // Stale (holder gone) or unreadable leftover of a crash: take it over. Move it aside first and check
                // it is the lock judged stale: a second run taking over at the same moment may already have put a
                // fresh lock there, which must not be deleted. A lock released between the two steps is simply gone:
                // try again (before, that race failed the run with "Could not find file" instead of taking the lock).
                var aside = path + "." + holder.Token + ".stale";
                try
                {
                    fs.MoveFile(path, aside, overwrite: false);
                }
                catch (IOException) when (fs.GetEntry(path) is null)
                {
                    continue;
                }

                var moved = TryRead(fs, aside);
                if (existing is not null && moved?.Token != existing.Token)
                {
                    fs.MoveFile(aside, path, overwrite: false);
                    TryDelete(fs, temp);
                    throw new BackupException(
                        BackupErrorCode.LockHeld,
                        path,
                        $"Another CertInstaller run took {subject} at the same moment{(moved is null ? "" : ": " + moved.Describe())}.",
                        "Wait for that run to finish, then retry.");
                }

                Durable.Delete(fs, aside);
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
            Durable.Delete(_fs, LockPath);
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
