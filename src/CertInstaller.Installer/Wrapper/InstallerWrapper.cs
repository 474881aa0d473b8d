using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// <c>certinstaller-action run -- &lt;installer command&gt;</c>: gives any installer the protection the custom actions give
/// a package that includes the fragment, with the same operations (<see cref="ActionRunner"/>) on the same
/// <see cref="ActionData"/>: Backup; run the command; on success (0, 3010, 1641) Preserve, Validate and Commit and return
/// the installer's code; on failure restore the exact snapshot and return the installer's code; when validation under
/// <c>enforce</c> fails (or Preserve does), restore and return 1603.
/// </summary>
/// <remarks>
/// The lock beside the certificates folder is held from before the first snapshot to after the last put-back, and the
/// backup root's lock while the installer runs, so CertInstaller custom actions inside it (a package that includes the
/// fragment), a second wrapper and a certharness backup of the same folder (whatever backup root they use) fail clearly
/// (1618) instead of interleaving; the run's own steps take the held folder lock as theirs. Between steps,
/// <see cref="WrapperRunState"/> claims the backup root. A run that dies leaves its run state,
/// snapshot and marker; the next run finishes it (restores that snapshot) before it starts its own.
/// </remarks>
public sealed class InstallerWrapper
{
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
        Process = process ?? throw new ArgumentNullException(nameof(process));
        FileSystem = fileSystem ?? new PhysicalFileSystem();
        Clock = clock ?? new SystemClock();
        LockProbe = lockProbe ?? new ProcessLockHolderProbe();
        _checkpoint = checkpoint ?? (_ => { });
    }

    /// <summary>Starts the installer command.</summary>
    internal IInstallerProcess Process { get; }

    /// <summary>The port for the wrapper's own files: run state, lock, log, summary.</summary>
    internal IFileSystem FileSystem { get; }

    /// <summary>The time.</summary>
    internal IClock Clock { get; }

    /// <summary>Tells whether a lock holder, an earlier wrapper or its installer still runs.</summary>
    internal ILockHolderProbe LockProbe { get; }

    /// <summary>How long to wait for the folder lock before the installer starts (a custom action holds it for a moment).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How exit codes travel as process statuses on this platform (the host sets <see cref="ExitStatusMap.Unix"/> on
    /// Linux): the installer's status 194 is read as 3010, and the log names the status the wrapper will exit with.</summary>
    public ExitStatusMap ExitStatuses { get; init; } = ExitStatusMap.Windows;

    /// <summary>What to print if the run is stopped now (Ctrl-C twice, or an unexpected error): what stays and which command finishes the job.</summary>
    public string InterruptedMessage => _interruptedMessage;

    /// <summary>Runs <paramref name="command"/> protected. Never throws for an expected failure; an unexpected exception
    /// leaves the run state, snapshot and marker, like an interruption (print <see cref="InterruptedMessage"/>).</summary>
    /// <param name="data">The settings (<see cref="WrapperOptions.ToActionData"/>).</param>
    /// <param name="command">The installer command.</param>
    /// <param name="output">Receives each log line as it is produced (the host prints them).</param>
    /// <param name="jsonPath">Where to write the <c>--json</c> summary, or null.</param>
    public WrapperResult Run(ActionData data, InstallerCommand command, Action<LogLine>? output = null, string? jsonPath = null) =>
        new WrapperSession(this, new WrapperRun(data, command, jsonPath), output ?? (_ => { })).Execute();

    /// <summary>Reports that the run reached <paramref name="step"/> (tests stop it there).</summary>
    internal void Checkpoint(WrapperStep step) => _checkpoint(step);

    /// <summary>Sets what <see cref="InterruptedMessage"/> prints from now on.</summary>
    internal void SetInterruptedMessage(string message) => _interruptedMessage = message;

    /// <summary>The sentence naming what finishes an interrupted run of <paramref name="data"/> whose snapshot is <paramref name="snapshotId"/>.</summary>
    public static string FinishHint(ActionData data, string? snapshotId) => snapshotId is null
        ? $"no snapshot was taken, so the folder was not changed; the next 'certinstaller-action run' on {data.BackupDir} clears the run state"
        : $"the snapshot {snapshotId} and the transaction marker stay in {data.BackupDir}. To finish the job, run 'certinstaller-action run " +
          $"--certdir \"{data.CertDir}\" --backupdir \"{data.BackupDir}\" -- <installer command>' again (it restores snapshot {snapshotId} first), " +
          $"or restore by hand: 'certharness backup restore \"{data.CertDir}\" --from \"{data.BackupDir}\" --snapshot {snapshotId}', then delete " +
          $"{WrapperRunState.PathIn(data.BackupDir)}";
}
