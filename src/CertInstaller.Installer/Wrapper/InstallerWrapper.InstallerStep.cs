using CertInstaller.Core.Backup;

namespace CertInstaller.Installer.Wrapper;

// The installer process step: the folder lock held around the installer, and spotting nested CertInstaller actions in the log.
public sealed partial class InstallerWrapper
{
    private sealed partial class Session
    {
        private FolderLock AcquireForInstaller()
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    return _store.AcquireLock(LockReason("is running"));
                }
                catch (BackupException e) when (e.Code == BackupErrorCode.LockHeld && waited.Elapsed < _w.LockWait)
                {
                    Thread.Sleep(200); // a custom action holds the lock for the moment it writes
                }
            }
        }

        /// <summary>Takes the lock beside the certificates folder for the whole run; the run's own steps then take it as
        /// theirs (<see cref="BackupPorts.HeldFolderLock"/>). Null result: held, or not needed (the folder's parent is
        /// missing, so nothing is there to protect yet); otherwise the finished, refused result.</summary>
        private WrapperResult? HoldFolder()
        {
            try
            {
                Hold(_store.AcquireFolderLock(SnapshotStore.NormalizeFolder(_data.CertDir), LockReason("holds the certificates folder, around"), createParent: false));
                return null;
            }
            catch (BackupException e) when (e.Code == BackupErrorCode.LockHeld)
            {
                Say(LogLevel.Error, $"{CertInstaller.Core.Codes.CodeRegistry.Of(e.Code).Text} {e.Problem} Nothing was changed; the installer was not started. Fix: {e.Fix} (deployment tools retry exit code 1618).");
                return Finish(WrapperOutcome.Refused, InstallerExitCodes.AlreadyRunning);
            }
            catch (BackupException e)
            {
                Say(LogLevel.Error, $"{CertInstaller.Core.Codes.CodeRegistry.Of(e.Code).Text} cannot take the lock beside the certificates folder: {e.Problem} ({e.FilePath}) " +
                    $"Nothing was changed; the installer was not started. Fix: {e.Fix}");
                return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
            }
        }

        private void TryHoldFolderAfterInstall()
        {
            try
            {
                Hold(_store.AcquireFolderLock(SnapshotStore.NormalizeFolder(_data.CertDir), LockReason("holds the certificates folder, after"), createParent: false));
            }
            catch (BackupException)
            {
                // The next steps take the lock themselves and report who holds it.
            }
        }

        private void Hold(FolderLock? folderLock)
        {
            _folderLock = folderLock;
            if (folderLock is not null)
            {
                _runner = new ActionRunner(_ports with { HeldFolderLock = folderLock }, _cache);
            }
        }

        private void ReleaseFolder()
        {
            if (_folderLock is { } held)
            {
                _folderLock = null;
                Release(held);
            }
        }

        // The actions take the lock themselves in the next steps: a release that fails once (a scanner holding the file)
        // is retried, or this run's own lock would block its Preserve or restore until the process exits.
        private void Release(FolderLock folderLock)
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
                    Say(LogLevel.Warning, $"cannot release the folder lock {folderLock.LockPath}: {e.Message}; the next run takes it over");
                    return;
                }
            }
        }

        private void DetectNestedActions(long offset)
        {
            if (offset < 0)
            {
                return;
            }

            try
            {
                var operations = new HashSet<string>(Enum.GetNames(typeof(ActionOperation)), StringComparer.Ordinal);
                _nested = _log.BlocksAfter(offset).Any(b =>
                    b.Header.Split(' ') is { Length: >= 2 } parts && operations.Contains(parts[1])
                    && b.Lines.Any(l => l.IndexOf(_runId, StringComparison.Ordinal) >= 0));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The log is a hint only; the installer's own exit code decides.
            }
        }

        private long LogLength()
        {
            try
            {
                return _log.Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return -1;
            }
        }
    }
}
