namespace CertInstaller.Installer.Wrapper;

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
