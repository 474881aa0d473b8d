using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// The run state file in the backup root (<see cref="WrapperRunState"/>): claiming the folder for a run, recording its
/// phase, and keeping the file for the next run to finish an interrupted one or clearing it when done.
/// </summary>
internal sealed class WrapperStateFile(IFileSystem fs, IClock clock, ILockHolderProbe probe, SnapshotStore store, WrapperLog log)
{
    /// <summary>Claims the backup root for <paramref name="run"/> under the root's lock: refuses while another run (or the
    /// installer of an interrupted one) is alive, and returns the state an interrupted earlier run left, if any.</summary>
    /// <exception cref="WrapperRefusedException">Another run holds the root.</exception>
    public WrapperRunState? Claim(WrapperRun run)
    {
        using var rootLock = store.AcquireLock(run.LockReason("is starting"));
        RemoveTemporaryStates();
        var existing = WrapperRunState.Read(fs, store.Root);
        if (existing is not null)
        {
            if (existing.RunId != "unreadable" && probe.IsAlive(existing.AsHolder()))
            {
                throw new WrapperRefusedException($"another 'certinstaller-action run' holds {store.Root}: process {existing.ProcessName} (id {existing.ProcessId}) " +
                    $"on {existing.MachineName}, since {existing.StartedUtc:yyyy-MM-dd HH:mm:ss}Z, running '{existing.Command}'. Nothing was changed; " +
                    "the installer was not started. Fix: wait for that run to finish, then retry (deployment tools retry exit code 1618).");
            }

            if (existing.InstallerAsHolder() is { } installer && probe.IsAlive(installer))
            {
                throw new WrapperRefusedException($"an interrupted 'certinstaller-action run' left its installer running: {installer.ProcessName} " +
                    $"(id {installer.ProcessId}), '{existing.Command}'. Nothing was changed. Fix: wait for that installer to exit, then run again; " +
                    $"the next run restores snapshot {existing.SnapshotId} first.");
            }
        }

        var me = probe.Current;
        Write(run, new WrapperRunState(run.Id, me.MachineName, me.ProcessId, me.ProcessName, me.ProcessStartUtc, run.Command.Display,
            clock.UtcNow, WrapperPhase.Starting));
        return existing;
    }

    /// <summary>Writes <paramref name="state"/> as <paramref name="run"/>'s; throws on I/O errors.</summary>
    public void Write(WrapperRun run, WrapperRunState state)
    {
        state.Write(fs, store.Root);
        run.State = state;
    }

    /// <summary>Writes <paramref name="state"/>; a failure is a warning.</summary>
    public void TryWrite(WrapperRun run, WrapperRunState state)
    {
        try
        {
            Write(run, state);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Say(LogLevel.Warning, WrapperLog.IoCode(e), $"cannot update the run state in {store.Root}: {e.Message}");
        }
    }

    /// <summary>Keeps the state at <paramref name="phase"/> so the next run finishes this one.</summary>
    public void Keep(WrapperRun run, WrapperPhase phase, string? snapshotId)
    {
        var state = run.State ?? new WrapperRunState(run.Id, probe.Current.MachineName, probe.Current.ProcessId, probe.Current.ProcessName,
            probe.Current.ProcessStartUtc, run.Command.Display, clock.UtcNow, phase);
        TryWrite(run, state with { Phase = phase, SnapshotId = snapshotId ?? state.SnapshotId, Installer = null });
        run.StateKept = true;
    }

    /// <summary>Removes the state if it is still <paramref name="run"/>'s.</summary>
    public void Clear(WrapperRun run)
    {
        try
        {
            WrapperRunState.Delete(fs, store.Root, run.Id);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Harmless: the next run finds no live holder and no marker, and clears it.
            log.Say(LogLevel.Warning, WrapperLog.IoCode(e), $"cannot remove the run state {WrapperRunState.PathIn(store.Root)}: {e.Message}");
        }
    }

    private void RemoveTemporaryStates()
    {
        if (fs.GetEntry(store.Root) is null)
        {
            return;
        }

        foreach (var entry in fs.List(store.Root))
        {
            if (entry.Kind == FileSystemEntryKind.File && entry.Name.StartsWith(WrapperRunState.FileName + ".", StringComparison.Ordinal)
                && entry.Name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                fs.DeleteFile(entry.FullPath); // a run that died while writing its state
            }
        }
    }
}

/// <summary>Another run holds the backup root or the folder: the wrapper refuses with 1618 and changes nothing.</summary>
internal sealed class WrapperRefusedException(string message) : Exception(message);
