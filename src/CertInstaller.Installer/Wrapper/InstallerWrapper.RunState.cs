using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Wrapper;

// The run state: claiming the folder, recording the phase, keeping or clearing the state file.
public sealed partial class InstallerWrapper
{
    private sealed partial class Session
    {
        private WrapperRunState? Claim()
        {
            using var folderLock = _store.AcquireLock(LockReason("is starting"));
            RemoveTemporaryStates();
            var existing = WrapperRunState.Read(_w._fs, _store.Root);
            if (existing is not null)
            {
                if (existing.RunId != "unreadable" && _w._probe.IsAlive(existing.AsHolder()))
                {
                    throw new RefusedException($"another 'certinstaller-action run' holds {_store.Root}: process {existing.ProcessName} (id {existing.ProcessId}) " +
                        $"on {existing.MachineName}, since {existing.StartedUtc:yyyy-MM-dd HH:mm:ss}Z, running '{existing.Command}'. Nothing was changed; " +
                        "the installer was not started. Fix: wait for that run to finish, then retry (deployment tools retry exit code 1618).");
                }

                if (existing.InstallerAsHolder() is { } installer && _w._probe.IsAlive(installer))
                {
                    throw new RefusedException($"an interrupted 'certinstaller-action run' left its installer running: {installer.ProcessName} " +
                        $"(id {installer.ProcessId}), '{existing.Command}'. Nothing was changed. Fix: wait for that installer to exit, then run again; " +
                        $"the next run restores snapshot {existing.SnapshotId} first.");
                }
            }

            var me = _w._probe.Current;
            WriteState(new WrapperRunState(_runId, me.MachineName, me.ProcessId, me.ProcessName, me.ProcessStartUtc, _command.Display,
                _w._clock.UtcNow, WrapperPhase.Starting));
            return existing;
        }

        private void WriteState(WrapperRunState state)
        {
            state.Write(_w._fs, _store.Root);
            _state = state;
        }

        private void TryWriteState(WrapperRunState state)
        {
            try
            {
                WriteState(state);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Say(LogLevel.Warning, $"cannot update the run state in {_store.Root}: {e.Message}");
            }
        }

        private void KeepState(WrapperPhase phase, string? snapshotId)
        {
            var state = _state ?? new WrapperRunState(_runId, _w._probe.Current.MachineName, _w._probe.Current.ProcessId, _w._probe.Current.ProcessName,
                _w._probe.Current.ProcessStartUtc, _command.Display, _w._clock.UtcNow, phase);
            TryWriteState(state with { Phase = phase, SnapshotId = snapshotId ?? state.SnapshotId, Installer = null });
            _stateKept = true;
        }

        private void ClearState()
        {
            try
            {
                WrapperRunState.Delete(_w._fs, _store.Root, _runId);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Harmless: the next run finds no live holder and no marker, and clears it.
                Say(LogLevel.Warning, $"cannot remove the run state {WrapperRunState.PathIn(_store.Root)}: {e.Message}");
            }
        }

        private void RemoveTemporaryStates()
        {
            if (_w._fs.GetEntry(_store.Root) is null)
            {
                return;
            }

            foreach (var entry in _w._fs.List(_store.Root))
            {
                if (entry.Kind == FileSystemEntryKind.File && entry.Name.StartsWith(WrapperRunState.FileName + ".", StringComparison.Ordinal)
                    && entry.Name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    _w._fs.DeleteFile(entry.FullPath); // a run that died while writing its state
                }
            }
        }
    }
}
