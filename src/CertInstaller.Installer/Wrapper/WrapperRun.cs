using CertInstaller.Core.Preservation;
using CertInstaller.Core.Validation;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// One wrapped run, as the steps pass it along: what it protects and runs (fixed at the start) and what has happened so
/// far (set by the step that learns it). The only state of a run; the collaborators that read or set it
/// (<see cref="WrapperLog"/>, <see cref="WrapperStateFile"/>, <see cref="WrapperFolderLock"/>, <see cref="WrapperFinish"/>)
/// hold none of their own about it.
/// </summary>
internal sealed class WrapperRun(ActionData data, InstallerCommand command, string? jsonPath)
{
    /// <summary>Random id of the run: in its log blocks, its lock reasons and its run state.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N").Substring(0, 12);

    /// <summary>The settings (<see cref="WrapperOptions.ToActionData"/>).</summary>
    public ActionData Data { get; } = data;

    /// <summary>The installer command.</summary>
    public InstallerCommand Command { get; } = command;

    /// <summary>Where to write the <c>--json</c> summary, or null.</summary>
    public string? JsonPath { get; } = jsonPath;

    /// <summary>Whether the certificates folder existed when the run started.</summary>
    public bool CertDirExisted { get; set; } = true;

    /// <summary>The run state file as last written by this run; null before the claim.</summary>
    public WrapperRunState? State { get; set; }

    /// <summary>Whether the run state is kept for the next run to finish this one.</summary>
    public bool StateKept { get; set; }

    /// <summary>Whether an interrupted earlier run was finished first.</summary>
    public bool FinishedInterrupted { get; set; }

    /// <summary>The installer's exit status as the system reported it; null when it did not run.</summary>
    public int? InstallerStatus { get; set; }

    /// <summary>The installer's exit code as read through the platform's <see cref="ExitStatusMap"/>; null when it did not run.</summary>
    public int? InstallerExit { get; set; }

    /// <summary>Whether CertInstaller custom actions inside the installer ran into this run's lock.</summary>
    public bool Nested { get; set; }

    /// <summary>What Preserve did; null when it did not run.</summary>
    public PreservationResult? Preservation { get; set; }

    /// <summary>The validation report; null when validation did not run.</summary>
    public ValidationReport? Validation { get; set; }

    /// <summary>Whether the folder was restored exactly from the snapshot.</summary>
    public bool Restored { get; set; }

    /// <summary>The reason a lock of this run carries, naming the run and its command.</summary>
    public string LockReason(string doing) =>
        $"certinstaller-action run {Id} {doing} '{Command.Display}' (an installer that includes the CertInstaller custom actions " +
        "protects the folder itself: run it without 'certinstaller-action run')";
}
