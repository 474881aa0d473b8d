using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Actions;

/// <summary>The steps of a wrapped run, reported to the checkpoint hook (crash-point tests stop the run at each).</summary>
public enum WrapperStep
{
    /// <summary>The run state claims the folder.</summary>
    Claimed,
    /// <summary>An interrupted earlier run was finished (its snapshot restored).</summary>
    FinishedInterrupted,
    /// <summary>Backup took the snapshot and wrote the transaction marker.</summary>
    BackedUp,
    /// <summary>The folder lock is held; the installer is about to start.</summary>
    InstallerStarting,
    /// <summary>The installer exited; the lock is released.</summary>
    InstallerExited,
    /// <summary>Preserve put third-party files back.</summary>
    Preserved,
    /// <summary>Validate judged the folder.</summary>
    Validated,
    /// <summary>Commit removed the marker and applied retention.</summary>
    Committed,
    /// <summary>The folder was restored from the snapshot.</summary>
    Restored,
}

/// <summary>
/// <c>certinstaller-action run -- &lt;installer command&gt;</c>: gives any installer the protection the custom actions give
/// a package that includes the fragment, with the same operations (<see cref="ActionRunner"/>) on the same
/// <see cref="ActionData"/>: Backup; run the command; on success (0, 3010, 1641) Preserve, Validate and Commit and return
/// the installer's code; on failure restore the exact snapshot and return the installer's code; when validation under
/// <c>enforce</c> fails (or Preserve does), restore and return 1603.
/// </summary>
/// <remarks>
/// The folder lock is held while the installer runs, so CertInstaller custom actions inside it (a package that includes
/// the fragment) and other CertInstaller runs fail clearly instead of interleaving; the actions take the lock themselves
/// in the other steps. Between steps, <see cref="WrapperRunState"/> claims the folder. A run that dies leaves its run state,
/// snapshot and marker; the next run finishes it (restores that snapshot) before it starts its own.
/// </remarks>
public sealed class InstallerWrapper
{
    private readonly IInstallerProcess _process;
    private readonly IFileSystem _fs;
    private readonly IClock _clock;
    private readonly ILockHolderProbe _probe;
    private readonly Action<WrapperStep> _checkpoint;
    private volatile string _interruptedMessage = "the run had not started: nothing was changed";

    /// <summary>A wrapper running <paramref name="process"/>.</summary>
    /// <param name="process">Starts the installer command.</param>
    /// <param name="fileSystem">For the run state, the lock and the log; the real one by default.</param>
    /// <param name="clock">The time; the system clock by default.</param>
    /// <param name="lockProbe">Tells whether a lock holder, an earlier wrapper or its installer still runs; the process table by default.</param>
    /// <param name="checkpoint">Called after each step (tests stop the run there as if it had been killed).</param>
    public InstallerWrapper(IInstallerProcess process, IFileSystem? fileSystem = null, IClock? clock = null, ILockHolderProbe? lockProbe = null,
        Action<WrapperStep>? checkpoint = null)
    {
        _process = process ?? throw new ArgumentNullException(nameof(process));
        _fs = fileSystem ?? new PhysicalFileSystem();
        _clock = clock ?? new SystemClock();
        _probe = lockProbe ?? new ProcessLockHolderProbe();
        _checkpoint = checkpoint ?? (_ => { });
    }

    /// <summary>How long to wait for the folder lock before the installer starts (a custom action holds it for a moment).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>What to print if the run is stopped now (Ctrl-C twice, or an unexpected error): what stays and which command finishes the job.</summary>
    public string InterruptedMessage => _interruptedMessage;

    /// <summary>Runs <paramref name="command"/> protected. Never throws for an expected failure; an unexpected exception
    /// leaves the run state, snapshot and marker, like an interruption (print <see cref="InterruptedMessage"/>).</summary>
    /// <param name="data">The settings (<see cref="WrapperOptions.ToActionData"/>).</param>
    /// <param name="command">The installer command.</param>
    /// <param name="output">Receives each log line as it is produced (the host prints them).</param>
    /// <param name="jsonPath">Where to write the <c>--json</c> summary, or null.</param>
    public WrapperResult Run(ActionData data, InstallerCommand command, Action<LogLine>? output = null, string? jsonPath = null)
    {
        var run = new Session(this, data, command, output ?? (_ => { }), jsonPath);
        return run.Execute();
    }

    /// <summary>The sentence naming what finishes an interrupted run of <paramref name="data"/> whose snapshot is <paramref name="snapshotId"/>.</summary>
    public static string FinishHint(ActionData data, string? snapshotId) => snapshotId is null
        ? $"no snapshot was taken, so the folder was not changed; the next 'certinstaller-action run' on {data.BackupDir} clears the run state"
        : $"the snapshot {snapshotId} and the transaction marker stay in {data.BackupDir}. To finish the job, run 'certinstaller-action run " +
          $"--certdir \"{data.CertDir}\" --backupdir \"{data.BackupDir}\" -- <installer command>' again (it restores snapshot {snapshotId} first), " +
          $"or restore by hand: 'certharness backup restore \"{data.CertDir}\" --from \"{data.BackupDir}\" --snapshot {snapshotId}', then delete " +
          $"{WrapperRunState.PathIn(data.BackupDir)}";

    private sealed class Session
    {
        private readonly InstallerWrapper _w;
        private readonly ActionData _data;
        private readonly InstallerCommand _command;
        private readonly Action<LogLine> _output;
        private readonly string? _jsonPath;
        private readonly string _runId = Guid.NewGuid().ToString("N").Substring(0, 12);
        private readonly List<LogLine> _lines = [];
        private readonly List<LogLine> _pending = [];
        private readonly ActionRunner _runner;
        private readonly SnapshotStore _store;
        private readonly ActionLogFile _log;
        private WrapperRunState? _state;
        private int? _installerExit;
        private bool _restored;
        private bool _nested;
        private bool _stateKept;
        private bool _finishedInterrupted;
        private bool _commandLogged;
        private Preservation.PreservationResult? _preservation;
        private Validation.ValidationReport? _validation;

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
            _runner = new ActionRunner(BackupPorts.Machine with { Clock = wrapper._clock, LockProbe = wrapper._probe });
            _store = new BackupPorts(wrapper._fs, wrapper._clock, wrapper._probe).Store(data.BackupDir);
            _log = new ActionLogFile(wrapper._fs, _store.Root);
        }

        private string LockReason(string doing) =>
            $"certinstaller-action run {_runId} {doing} '{_command.Display}' (an installer that includes the CertInstaller custom actions " +
            "protects the folder itself: run it without 'certinstaller-action run')";

        public WrapperResult Execute()
        {
            Say(LogLevel.Info, $"run {_runId}: protecting {_data.CertDir} (snapshots in {_store.Root}) around: {_command.Display}");

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
                _installerExit = _w._process.Run(_command, started =>
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
            DetectNestedActions(logOffset);
            TryWriteState(_state! with { Phase = WrapperPhase.Finishing });

            if (_installerExit is not { } code || !InstallerExitCodes.IsSuccess(code))
            {
                // 4a. Failure (or not started): the exact folder comes back, the installer's code goes out.
                if (_installerExit is { } failed)
                {
                    Say(LogLevel.Error, $"the installer failed with exit code {failed}: restoring {_data.CertDir} exactly from snapshot {snapshotId}");
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
            Say(LogLevel.Info, $"the installer succeeded (exit code {code}{(code == InstallerExitCodes.Success ? "" : ", a reboot is needed")}): " +
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

        private ActionOutcome Step(ActionOperation operation)
        {
            Flush();
            var outcome = _runner.Run(operation, _data);
            foreach (var line in outcome.Lines)
            {
                _lines.Add(line);
                _output(line);
            }

            TryLog(ActionLogFile.Header(_w._clock.UtcNow, operation.ToString(), outcome.Succeeded ? "succeeded" : "failed"),
                new[] { "ActionData: " + ActionDataSerializer.Serialize(_data) }.Concat(outcome.Lines.Select(l => l.ToString())));
            return outcome;
        }

        private WrapperResult RestoreAndFinish(WrapperOutcome outcome, int exitCode)
        {
            var snapshotId = _state?.SnapshotId ?? TransactionMarker.Read(_store.Root, _data.ProductCode)?.SnapshotId;
            if (Step(ActionOperation.RestoreOnRollback).Succeeded)
            {
                _restored = snapshotId is not null;
                _w._checkpoint(WrapperStep.Restored);
                ClearState();
                return Finish(outcome, exitCode);
            }

            Say(LogLevel.Error, "the folder could not be restored completely (every file is either as the installer left it or as it was before); " +
                FinishHint(_data, snapshotId));
            KeepState(WrapperPhase.RestoreFailed, snapshotId);
            return Finish(WrapperOutcome.RestoreFailed, InstallerExitCodes.IsSuccess(exitCode) ? InstallerExitCodes.Failure : exitCode);
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

        private WrapperResult Finish(WrapperOutcome outcome, int exitCode)
        {
            Say(outcome == WrapperOutcome.Succeeded ? LogLevel.Info : LogLevel.Error,
                $"run {_runId} finished: {Describe(outcome)}; exit code {exitCode}" +
                (_installerExit is { } code ? $" (the installer's was {code})" : ""));
            Flush(outcome == WrapperOutcome.Succeeded ? "succeeded" : "failed");
            if (!_stateKept)
            {
                _w._interruptedMessage = "the run had finished: " + Describe(outcome);
            }

            var result = new WrapperResult(_runId, outcome, exitCode, _lines.ToList())
            {
                InstallerExitCode = _installerExit,
                SnapshotId = _state?.SnapshotId ?? TransactionMarker.Read(_store.Root, _data.ProductCode)?.SnapshotId,
                Restored = _restored,
                NestedActions = _nested,
                FinishedInterruptedRun = _finishedInterrupted,
                Preservation = _preservation,
                Validation = _validation,
                Command = _command.Display,
                CertDir = _data.CertDir,
                BackupDir = _store.Root,
                LogPath = _log.Path,
                ValidationMode = _data.Validation.ToString().ToLowerInvariant(),
            };
            if (_jsonPath is not null)
            {
                try
                {
                    var full = Path.GetFullPath(_jsonPath);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllText(full, result.ToJson());
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    var line = new LogLine(LogLevel.Warning, $"cannot write the JSON summary {_jsonPath}: {e.Message}");
                    _output(line);
                    result = result with { Lines = _lines.Append(line).ToList() };
                }
            }

            return result;
        }

        private static string Describe(WrapperOutcome outcome) => outcome switch
        {
            WrapperOutcome.Succeeded => "the installer succeeded and the certificates folder was preserved",
            WrapperOutcome.InstallerFailed => "the installer failed; the certificates folder was restored as it was before",
            WrapperOutcome.Rejected => "CertInstaller failed the run; the certificates folder was restored as it was before",
            WrapperOutcome.NotStarted => "the installer was not started",
            WrapperOutcome.Refused => "the installer was not started: another CertInstaller run holds the folder",
            _ => "the folder could not be restored completely; the snapshot and the marker stay",
        };

        private void Say(LogLevel level, string text)
        {
            var line = new LogLine(level, text);
            _lines.Add(line);
            _pending.Add(line);
            _output(line);
        }

        private void Flush(string? result = null)
        {
            if (_pending.Count == 0 && result is null)
            {
                return;
            }

            var header = ActionLogFile.Header(_w._clock.UtcNow, "run", result is null ? _runId : $"{_runId} {result}");
            var detail = new List<string>();
            if (!_commandLogged || result is not null)
            {
                detail.Add("Command: " + _command.Display); // the first and the last block of a run name it
                _commandLogged = true;
            }

            detail.AddRange(_pending.Select(l => l.ToString()));
            _pending.Clear();
            TryLog(header, detail);
        }

        private void TryLog(string header, IEnumerable<string> lines)
        {
            try
            {
                _log.Append(header, lines);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Stdout has every line; a log file that cannot be written must not fail the run.
                var line = new LogLine(LogLevel.Warning, $"cannot append to {_log.Path}: {e.Message}");
                _lines.Add(line);
                _output(line);
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

    private sealed class RefusedException(string message) : Exception(message);
}
