using CertInstaller.Core.Backup;

namespace CertInstaller.Core.Actions;

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
