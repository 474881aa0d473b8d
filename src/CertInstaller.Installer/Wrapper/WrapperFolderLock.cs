using CertInstaller.Core.Backup;
using CertInstaller.Core.Pki;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// The locks a wrapped run holds: the one beside the certificates folder, from before the first snapshot to after the
/// last put-back (the run's own operations take it as theirs, <see cref="BackupPorts.HeldFolderLock"/>), and the backup
/// root's while the installer runs. Gives the operations runner that matches what is held.
/// </summary>
internal sealed class WrapperFolderLock(SnapshotStore store, BackupPorts ports, RunCache cache, WrapperLog log, TimeSpan lockWait)
{
    private FolderLock? _held;

    /// <summary>The operations, run with the held folder lock as theirs when there is one.</summary>
    public ActionRunner Runner { get; private set; } = new(ports, cache);

    /// <summary>Whether the folder lock is held.</summary>
    public bool Held => _held is not null;

    /// <summary>Takes the lock beside <paramref name="run"/>'s certificates folder; not taken (and no error) when the
    /// folder's parent is missing, so nothing is there to protect yet.</summary>
    /// <exception cref="BackupException">The lock is held by another run (LockHeld) or cannot be taken.</exception>
    public void Hold(WrapperRun run, string doing) =>
        Keep(store.AcquireFolderLock(SnapshotStore.NormalizeFolder(run.Data.CertDir), run.LockReason(doing), createParent: false));

    /// <summary>Takes the folder lock after the installer, which may have created the folder's parent; a failure is left
    /// to the next steps, which take the lock themselves and report who holds it.</summary>
    public void TryHoldAfterInstall(WrapperRun run)
    {
        try
        {
            Hold(run, "holds the certificates folder, after");
        }
        catch (BackupException)
        {
            // The next steps take the lock themselves and report who holds it.
        }
    }

    /// <summary>Takes the backup root's lock for the installer's run, waiting up to the lock wait for a custom action that holds it for a moment.</summary>
    /// <exception cref="BackupException">The lock stayed held, or cannot be taken.</exception>
    public FolderLock AcquireForInstaller(WrapperRun run)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return store.AcquireLock(run.LockReason("is running"));
            }
            catch (BackupException e) when (e.Code == BackupErrorCode.LockHeld && waited.Elapsed < lockWait)
            {
                Thread.Sleep(200); // a custom action holds the lock for the moment it writes
            }
        }
    }

    /// <summary>Releases the folder lock, if held.</summary>
    public void ReleaseFolder()
    {
        if (_held is { } held)
        {
            _held = null;
            Release(held);
        }
    }

    // The actions take the lock themselves in the next steps: a release that fails once (a scanner holding the file)
    // is retried, or this run's own lock would block its Preserve or restore until the process exits.
    /// <summary>Releases <paramref name="folderLock"/>, retrying twice; a last failure is a warning.</summary>
    public void Release(FolderLock folderLock)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                folderLock.Release();
                return;
            }
            catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && attempt < 3)
            {
                Thread.Sleep(100);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.Say(LogLevel.Warning, WrapperLog.IoCode(e), $"cannot release the folder lock {folderLock.LockPath}: {e.Message}; the next run takes it over");
                return;
            }
        }
    }

    private void Keep(FolderLock? folderLock)
    {
        _held = folderLock;
        if (folderLock is not null)
        {
            Runner = new ActionRunner(ports with { HeldFolderLock = folderLock }, cache);
        }
    }
}
