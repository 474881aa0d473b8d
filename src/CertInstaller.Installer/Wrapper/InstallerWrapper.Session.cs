using CertInstaller.Core.Backup;

namespace CertInstaller.Installer.Wrapper;

// The run of one wrapped installer: its state, and the order of its steps (Execute); the steps are in InstallerWrapper.*.cs.
public sealed partial class InstallerWrapper
{
    private sealed partial class Session
    {
        private readonly InstallerWrapper _w;
        private readonly ActionData _data;
        private readonly InstallerCommand _command;
        private readonly Action<LogLine> _output;
        private readonly string? _jsonPath;
        private readonly string _runId = Guid.NewGuid().ToString("N").Substring(0, 12);
        private readonly List<LogLine> _lines = [];
        private readonly List<LogLine> _pending = [];
        private readonly BackupPorts _ports;
        private readonly CertInstaller.Core.Pki.RunCache _cache = new();
        private readonly SnapshotStore _store;
        private ActionRunner _runner;
        private FolderLock? _folderLock;
        private readonly ActionLogFile _log;
        private WrapperRunState? _state;
        private int? _installerExit;
        private int? _installerStatus;
        private bool _restored;
        private bool _certDirExisted = true;
        private bool _nested;
        private bool _stateKept;
        private bool _finishedInterrupted;
        private bool _commandLogged;
        private CertInstaller.Core.Preservation.PreservationResult? _preservation;
        private CertInstaller.Core.Validation.ValidationReport? _validation;

        public Session(InstallerWrapper wrapper, ActionData data, InstallerCommand command, Action<LogLine> output, string? jsonPath)
        {
            _w = wrapper;
            _data = data;
            _command = command;
            _output = output;
            _jsonPath = jsonPath;
            // The operations run on the machine's file system, as the custom actions do (their own crash points are
            // ActionRunner's tests); the wrapper's own files (run state, log, the store it reads) go through its port,
            // whose faults the wrapper's crash-point tests inject step by step.
            _ports = BackupPorts.Machine with { Clock = wrapper._clock, LockProbe = wrapper._probe };
            _runner = new ActionRunner(_ports, _cache);
            _store = new BackupPorts(wrapper._fs, wrapper._clock, wrapper._probe).Store(data.BackupDir);
            _log = new ActionLogFile(wrapper._fs, _store.Root);
        }

        private string LockReason(string doing) =>
            $"certinstaller-action run {_runId} {doing} '{_command.Display}' (an installer that includes the CertInstaller custom actions " +
            "protects the folder itself: run it without 'certinstaller-action run')";

        public WrapperResult Execute()
        {
            Say(LogLevel.Info, $"run {_runId}: protecting {_data.CertDir} (snapshots in {_store.Root}) around: {_command.Display}");
            // The host refuses a missing folder unless told it is a first install (--allow-missing-certdir).
            _certDirExisted = _w._fs.GetEntry(_data.CertDir) is not null;
            if (!_certDirExisted)
            {
                Say(LogLevel.Warning, $"{_data.CertDir} does not exist (first install): there is nothing to protect; the snapshot records its absence");
            }

            // 0. The certificates folder's own lock, held from the first snapshot (or the put-back of an interrupted run)
            // to the last put-back: a second wrapper or a certharness backup of the same folder, whatever backup root they
            // use, is refused at once, and the installer never runs while another run works on the folder.
            if (HoldFolder() is { } refused)
            {
                return refused;
            }

            // 1. Claim the folder: no other run may hold it, and an interrupted earlier run is finished first.
            WrapperRunState? interrupted;
            try
            {
                interrupted = Claim();
            }
            catch (RefusedException e)
            {
                Say(LogLevel.Error, e.Message);
                return Finish(WrapperOutcome.Refused, InstallerExitCodes.AlreadyRunning);
            }
            catch (BackupException e) when (e.Code == BackupErrorCode.LockHeld)
            {
                Say(LogLevel.Error, $"{e.Problem} Nothing was changed; the installer was not started. Fix: {e.Fix} (deployment tools retry exit code 1618).");
                return Finish(WrapperOutcome.Refused, InstallerExitCodes.AlreadyRunning);
            }
            catch (BackupException e)
            {
                Say(LogLevel.Error, $"cannot claim the backup folder: {e.Problem} Nothing was changed; the installer was not started. Fix: {e.Fix}");
                return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Say(LogLevel.Error, $"cannot write the run state in {_store.Root}: {e.Message} Nothing was changed; the installer was not started. " +
                    "Fix: check access to the backup folder (run as an administrator) and free space.");
                return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
            }

            _w._checkpoint(WrapperStep.Claimed);
            if (interrupted is not null)
            {
                Say(LogLevel.Warning, $"an earlier run was interrupted: '{interrupted.Command}', started {interrupted.StartedUtc:yyyy-MM-dd HH:mm:ss}Z by " +
                    $"process {interrupted.ProcessName} (id {interrupted.ProcessId}); finishing it first: its snapshot is restored exactly");
                if (!Step(ActionOperation.RestoreOnRollback).Succeeded)
                {
                    Say(LogLevel.Error, "the interrupted run could not be finished, so this run did not start its installer; " +
                        FinishHint(_data, TransactionMarker.Read(_store.Root, _data.ProductCode)?.SnapshotId));
                    KeepState(WrapperPhase.RestoreFailed, TransactionMarker.Read(_store.Root, _data.ProductCode)?.SnapshotId);
                    return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
                }

                _finishedInterrupted = true;
                _w._checkpoint(WrapperStep.FinishedInterrupted);
            }

            // 2. Backup: the snapshot whose reason names the command, and the transaction marker.
            if (!Step(ActionOperation.Backup).Succeeded)
            {
                ClearState();
                Say(LogLevel.Error, "no snapshot could be taken, so the installer was not started; the folder was not changed");
                return Finish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
            }

            var snapshotId = TransactionMarker.Read(_store.Root, _data.ProductCode)?.SnapshotId;
            _w._interruptedMessage = $"the run of '{_command.Display}' was interrupted: " + FinishHint(_data, snapshotId);
            _w._checkpoint(WrapperStep.BackedUp);

            // 3. Run the installer under the folder lock.
            try
            {
                WriteState(_state! with { Phase = WrapperPhase.Installing, SnapshotId = snapshotId });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Say(LogLevel.Error, $"cannot record the run state in {_store.Root} ({e.Message}): without it an interrupted run could not be finished, so the installer was not started");
                return RestoreAndFinish(WrapperOutcome.NotStarted, InstallerExitCodes.Failure);
            }

            FolderLock? folderLock;
            try
            {
                folderLock = AcquireForInstaller();
            }
            catch (BackupException e)
            {
                Say(LogLevel.Error, $"cannot hold the folder lock while the installer runs: {e.Problem} The installer was not started.");
                return RestoreAndFinish(e.Code == BackupErrorCode.LockHeld ? WrapperOutcome.Refused : WrapperOutcome.NotStarted,
                    e.Code == BackupErrorCode.LockHeld ? InstallerExitCodes.AlreadyRunning : InstallerExitCodes.Failure);
            }

            long logOffset;
            try
            {
                Say(LogLevel.Info, $"running {_command.Display}; if this run is interrupted, {FinishHint(_data, snapshotId)}");
                Flush();
                logOffset = LogLength();
                _w._checkpoint(WrapperStep.InstallerStarting);
                _installerStatus = _w._process.Run(_command, started =>
                {
                    try
                    {
                        WriteState(_state! with { Installer = started });
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        Say(LogLevel.Warning, $"cannot record the installer's process id in the run state ({e.Message}); an interrupted run is still finished by the next run");
                    }
                });
                _installerExit = _w.ExitStatuses.CodeOf(_installerStatus.Value); // Linux: 194 is 3010, a reboot request, not a failure
            }
            catch (InstallerStartException e)
            {
                logOffset = -1;
                Say(LogLevel.Error, $"the installer could not be started: {e.Message}");
            }
            finally
            {
                Release(folderLock);
            }

            _w._checkpoint(WrapperStep.InstallerExited);
            if (_folderLock is null)
            {
                TryHoldFolderAfterInstall(); // the folder's parent was missing before: the installer may have created it
            }

            DetectNestedActions(logOffset);
            TryWriteState(_state! with { Phase = WrapperPhase.Finishing });

            if (_installerExit is not { } code || !InstallerExitCodes.IsSuccess(code))
            {
                // 4a. Failure (or not started): the exact folder comes back, the installer's code goes out.
                if (_installerExit is { } failed)
                {
                    Say(LogLevel.Error, $"the installer failed with exit code {_w.ExitStatuses.Describe(failed)}: restoring {_data.CertDir} exactly from snapshot {snapshotId}");
                }

                if (_nested)
                {
                    Say(LogLevel.Error, "the installer includes the CertInstaller custom actions: they ran into this run's lock and failed it " +
                        "(see the installer's log). Fix: run that installer without 'certinstaller-action run'; its own actions protect the folder " +
                        "(set CERTINSTALLER_* properties on its command line).");
                }

                return RestoreAndFinish(WrapperOutcome.InstallerFailed, _installerExit ?? InstallerExitCodes.Failure);
            }

            // 4b. Success: third-party files back, then validation under the policy.
            Say(LogLevel.Info, $"the installer succeeded (exit code {_w.ExitStatuses.Describe(code)}{(code == InstallerExitCodes.Success ? "" : ", a reboot is needed")}): " +
                "putting back third-party certificates, then validating");
            var preserve = Step(ActionOperation.Preserve);
            _preservation = preserve.Preservation;
            if (!preserve.Succeeded)
            {
                Say(LogLevel.Error, $"the installer succeeded, but third-party certificates could not be put back: restoring {_data.CertDir} exactly from snapshot {snapshotId}");
                return RestoreAndFinish(WrapperOutcome.Rejected, InstallerExitCodes.Failure);
            }

            _w._checkpoint(WrapperStep.Preserved);
            var validate = Step(ActionOperation.Validate);
            _validation = validate.Validation;
            if (!validate.Succeeded)
            {
                Say(LogLevel.Error, validate.Validation is { Valid: false }
                    ? $"the installer succeeded, but the folder is NOT valid under --validation enforce: restoring {_data.CertDir} exactly from snapshot {snapshotId}; exit code 1603"
                    : $"the installer succeeded, but validation could not run: restoring {_data.CertDir} exactly from snapshot {snapshotId}; exit code 1603");
                return RestoreAndFinish(WrapperOutcome.Rejected, InstallerExitCodes.Failure);
            }

            _w._checkpoint(WrapperStep.Validated);
            if (!Step(ActionOperation.Commit).Succeeded)
            {
                Say(LogLevel.Warning, "retention failed; the install and the folder stand, old snapshots were kept");
            }

            _w._checkpoint(WrapperStep.Committed);
            ClearState();
            return Finish(WrapperOutcome.Succeeded, code);
        }
    }
}
