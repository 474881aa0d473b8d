using CertInstaller.Core.Backup;
using CertInstaller.Core.Pki;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// The order of the steps of one wrapped run (<see cref="Execute"/>): hold the folder, claim the backup root, finish an
/// interrupted run, Backup, the installer, then Preserve, Validate and Commit, or the exact restore. The run's state is
/// the <see cref="WrapperRun"/> passed along; each job is its own class (log, state file, locks, finish).
/// </summary>
internal sealed class WrapperSession
{
    private readonly InstallerWrapper _w;
    private readonly WrapperRun _run;
    private readonly SnapshotStore _store;
    private readonly WrapperLog _log;
    private readonly WrapperStateFile _stateFile;
    private readonly WrapperFolderLock _locks;
    private readonly WrapperFinish _finish;

    public WrapperSession(InstallerWrapper wrapper, WrapperRun run, Action<LogLine> output)
    {
        _w = wrapper;
        _run = run;
        // The operations run on the machine's file system, as the custom actions do (their own crash points are
        // ActionRunner's tests); the wrapper's own files (run state, log, the store it reads, the summary) go through its
        // port, whose faults the wrapper's crash-point tests inject step by step.
        var ports = BackupPorts.Machine with { Clock = wrapper.Clock, LockProbe = wrapper.LockProbe };
        _store = new BackupPorts(wrapper.FileSystem, wrapper.Clock, wrapper.LockProbe).Store(run.Data.BackupDir);
        _log = new WrapperLog(new ActionLogFile(wrapper.FileSystem, _store.Root), wrapper.Clock, output);
        _stateFile = new WrapperStateFile(wrapper.FileSystem, wrapper.Clock, wrapper.LockProbe, _store, _log);
        _locks = new WrapperFolderLock(_store, ports, new RunCache(), _log, wrapper.LockWait);
        _finish = new WrapperFinish(wrapper, _store, _log, _locks);
    }

    public WrapperResult Execute()
    {
        var data = _run.Data;
        _log.Say(LogLevel.Info, $"run {_run.Id}: protecting {data.CertDir} (snapshots in {_store.Root}) around: {_run.Command.Display}");
        // The host refuses a missing folder unless told it is a first install (--allow-missing-certdir).
        _run.CertDirExisted = _w.FileSystem.GetEntry(data.CertDir) is not null;
        if (!_run.CertDirExisted)
        {
            _log.Say(LogLevel.Warning, $"{data.CertDir} does not exist (first install): there is nothing to protect; the snapshot records its absence");
        }

        // 0. The certificates folder's own lock, held from the first snapshot (or the put-back of an interrupted run)
        // to the last put-back: a second wrapper or a certharness backup of the same folder, whatever backup root they
        // use, is refused at once, and the installer never runs while another run works on the folder.
        try
        {
            _locks.Hold(_run, "holds the certificates folder, around");
        }
        catch (BackupException e) when (e.Code == BackupErrorCode.LockHeld)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(e.Code), $"{e.Problem} Nothing was changed; the installer was not started. Fix: {e.Fix} (deployment tools retry exit code 1618).");
            return Finish(WrapperOutcome.Refused, InstallerExitCodes.AlreadyRunning);
        }
        catch (BackupException e)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(e.Code), $"cannot take the lock beside the certificates folder: {e.Problem} ({e.FilePath}) " +
                $"Nothing was changed; the installer was not started. Fix: {e.Fix}");
            return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
        }

        // 1. Claim the folder: no other run may hold it, and an interrupted earlier run is finished first.
        WrapperRunState? interrupted;
        try
        {
            interrupted = _stateFile.Claim(_run);
        }
        catch (WrapperRefusedException e)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(BackupErrorCode.LockHeld), e.Message);
            return Finish(WrapperOutcome.Refused, InstallerExitCodes.AlreadyRunning);
        }
        catch (BackupException e) when (e.Code == BackupErrorCode.LockHeld)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(e.Code), $"{e.Problem} Nothing was changed; the installer was not started. Fix: {e.Fix} (deployment tools retry exit code 1618).");
            return Finish(WrapperOutcome.Refused, InstallerExitCodes.AlreadyRunning);
        }
        catch (BackupException e)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(e.Code), $"cannot claim the backup folder: {e.Problem} Nothing was changed; the installer was not started. Fix: {e.Fix}");
            return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(InputErrorCode.FileAccessFailed), $"cannot write the run state in {_store.Root}: {e.Message} Nothing was changed; the installer was not started. " +
                "Fix: check access to the backup folder (run as an administrator) and free space.");
            return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
        }

        _w.Checkpoint(WrapperStep.Claimed);
        if (interrupted is not null)
        {
            _log.Say(LogLevel.Warning, $"an earlier run was interrupted: '{interrupted.Command}', started {interrupted.StartedUtc:yyyy-MM-dd HH:mm:ss}Z by " +
                $"process {interrupted.ProcessName} (id {interrupted.ProcessId}); finishing it first: its snapshot is restored exactly");
            if (!Step(ActionOperation.RestoreOnRollback).Succeeded)
            {
                _log.Say(LogLevel.Error, "the interrupted run could not be finished, so this run did not start its installer; " +
                    InstallerWrapper.FinishHint(data, TransactionMarker.Read(_store.Root, data.ProductCode)?.SnapshotId));
                _stateFile.Keep(_run, WrapperPhase.RestoreFailed, TransactionMarker.Read(_store.Root, data.ProductCode)?.SnapshotId);
                return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
            }

            _run.FinishedInterrupted = true;
            _w.Checkpoint(WrapperStep.FinishedInterrupted);
        }

        // 2. Backup: the snapshot whose reason names the command, and the transaction marker.
        if (!Step(ActionOperation.Backup).Succeeded)
        {
            _stateFile.Clear(_run);
            _log.Say(LogLevel.Error, "no snapshot could be taken, so the installer was not started; the folder was not changed");
            return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
        }

        var snapshotId = TransactionMarker.Read(_store.Root, data.ProductCode)?.SnapshotId;
        _w.SetInterruptedMessage($"the run of '{_run.Command.Display}' was interrupted: " + InstallerWrapper.FinishHint(data, snapshotId));
        _w.Checkpoint(WrapperStep.BackedUp);

        // 3. Run the installer under the folder lock.
        try
        {
            _stateFile.Write(_run, _run.State! with { Phase = WrapperPhase.Installing, SnapshotId = snapshotId });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(InputErrorCode.FileAccessFailed), $"cannot record the run state in {_store.Root} ({e.Message}): without it an interrupted run could not be finished, so the installer was not started");
            return RestoreAndFinish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
        }

        FolderLock? rootLock;
        try
        {
            rootLock = _locks.AcquireForInstaller(_run);
        }
        catch (BackupException e)
        {
            _log.Say(LogLevel.Error, CodeRegistry.Of(e.Code), $"cannot hold the folder lock while the installer runs: {e.Problem} The installer was not started.");
            return RestoreAndFinish(e.Code == BackupErrorCode.LockHeld ? WrapperOutcome.Refused : WrapperOutcome.NotStarted,
                e.Code == BackupErrorCode.LockHeld ? InstallerExitCodes.AlreadyRunning : InstallerExitCodes.Failure);
        }

        long logOffset;
        try
        {
            _log.Say(LogLevel.Info, $"running {_run.Command.Display}; if this run is interrupted, {InstallerWrapper.FinishHint(data, snapshotId)}");
            _log.Flush(_run);
            logOffset = _log.Length();
            _w.Checkpoint(WrapperStep.InstallerStarting);
            _run.InstallerStatus = _w.Process.Run(_run.Command, started =>
            {
                try
                {
                    _stateFile.Write(_run, _run.State! with { Installer = started });
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _log.Say(LogLevel.Warning, $"cannot record the installer's process id in the run state ({e.Message}); an interrupted run is still finished by the next run");
                }
            });
            _run.InstallerExit = _w.ExitStatuses.CodeOf(_run.InstallerStatus.Value); // Linux: 194 is 3010, a reboot request, not a failure
        }
        catch (InstallerStartException e)
        {
            logOffset = -1;
            _log.Say(LogLevel.Error, CodeRegistry.Of(InputErrorCode.CommandNotStarted), $"the installer could not be started: {e.Message}");
        }
        finally
        {
            _locks.Release(rootLock);
        }

        _w.Checkpoint(WrapperStep.InstallerExited);
        if (!_locks.Held)
        {
            _locks.TryHoldAfterInstall(_run); // the folder's parent was missing before: the installer may have created it
        }

        _run.Nested = _log.NestedActionsAfter(logOffset, _run);
        _stateFile.TryWrite(_run, _run.State! with { Phase = WrapperPhase.Finishing });

        if (_run.InstallerExit is not { } code || !InstallerExitCodes.IsSuccess(code))
        {
            // 4a. Failure (or not started): the exact folder comes back, the installer's code goes out.
            if (_run.InstallerExit is { } failed)
            {
                _log.Say(LogLevel.Error, $"the installer failed with exit code {_w.ExitStatuses.Describe(failed)}: restoring {data.CertDir} exactly from snapshot {snapshotId}");
            }

            if (_run.Nested)
            {
                _log.Say(LogLevel.Error, CodeRegistry.Of(BackupErrorCode.LockHeld), "the installer includes the CertInstaller custom actions: they ran into this run's lock and failed it " +
                    "(see the installer's log). Fix: run that installer without 'certinstaller-action run'; its own actions protect the folder " +
                    "(set CERTINSTALLER_* properties on its command line).");
            }

            return RestoreAndFinish(WrapperOutcome.InstallerFailed, _run.InstallerExit ?? InstallerExitCodes.Failure);
        }

        // 4b. Success: third-party files back, then validation under the policy.
        _log.Say(LogLevel.Info, $"the installer succeeded (exit code {_w.ExitStatuses.Describe(code)}{(code == InstallerExitCodes.Success ? "" : ", a reboot is needed")}): " +
            "putting back third-party certificates, then validating");
        var preserve = Step(ActionOperation.Preserve);
        _run.Preservation = preserve.Preservation;
        if (!preserve.Succeeded)
        {
            _log.Say(LogLevel.Error, $"the installer succeeded, but third-party certificates could not be put back: restoring {data.CertDir} exactly from snapshot {snapshotId}");
            return RestoreAndFinish(WrapperOutcome.Rejected, InstallerExitCodes.Failure);
        }

        _w.Checkpoint(WrapperStep.Preserved);
        var validate = Step(ActionOperation.Validate);
        _run.Validation = validate.Validation;
        if (!validate.Succeeded)
        {
            _log.Say(LogLevel.Error, validate.Validation is { Valid: false }
                ? $"the installer succeeded, but the folder is NOT valid under --validation enforce: restoring {data.CertDir} exactly from snapshot {snapshotId}; exit code 1603"
                : $"the installer succeeded, but validation could not run: restoring {data.CertDir} exactly from snapshot {snapshotId}; exit code 1603");
            return RestoreAndFinish(WrapperOutcome.Rejected, InstallerExitCodes.Failure);
        }

        _w.Checkpoint(WrapperStep.Validated);
        if (!Step(ActionOperation.Commit).Succeeded)
        {
            _log.Say(LogLevel.Warning, "retention failed; the install and the folder stand, old snapshots were kept");
        }

        _w.Checkpoint(WrapperStep.Committed);
        _stateFile.Clear(_run);
        return Finish(WrapperOutcome.Succeeded, code);
    }

    /// <summary>Runs one operation on the run's ActionData: its lines printed and kept, its block logged.</summary>
    private ActionOutcome Step(ActionOperation operation)
    {
        _log.Flush(_run);
        var outcome = _locks.Runner.Run(operation, _run.Data);
        foreach (var line in outcome.Lines)
        {
            _log.Show(line);
        }

        _log.Operation(operation, _run.Data, outcome);
        return outcome;
    }

    /// <summary>Restores the exact snapshot and finishes; when the restore fails, keeps the state for the next run.</summary>
    private WrapperResult RestoreAndFinish(WrapperOutcome outcome, int exitCode)
    {
        var snapshotId = _run.State?.SnapshotId ?? TransactionMarker.Read(_store.Root, _run.Data.ProductCode)?.SnapshotId;
        if (Step(ActionOperation.RestoreOnRollback).Succeeded)
        {
            _run.Restored = snapshotId is not null;
            _w.Checkpoint(WrapperStep.Restored);
            _stateFile.Clear(_run);
            return Finish(outcome, exitCode);
        }

        _log.Say(LogLevel.Error, "the folder could not be restored completely (every file is either as the installer left it or as it was before); " +
            InstallerWrapper.FinishHint(_run.Data, snapshotId));
        _stateFile.Keep(_run, WrapperPhase.RestoreFailed, snapshotId);
        return Finish(WrapperOutcome.RestoreFailed, InstallerExitCodes.IsSuccess(exitCode) ? InstallerExitCodes.Failure : exitCode);
    }

    private WrapperResult Finish(WrapperOutcome outcome, int exitCode) => _finish.Finish(_run, outcome, exitCode);
}
