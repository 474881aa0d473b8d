namespace CertInstaller.Core.Backup;

/// <summary>Why a backup operation failed. Values are stable and never renumbered.</summary>
public enum BackupErrorCode
{
    /// <summary>The certificates folder path is a file or a link, not a folder.</summary>
    SourceNotAFolder = 3001,

    /// <summary>A file of the certificates folder could not be read (locked, access denied).</summary>
    SourceFileUnreadable = 3002,

    /// <summary>The backup root could not be created or written.</summary>
    BackupRootUnusable = 3003,

    /// <summary>Another run holds the lock on the backup root.</summary>
    LockHeld = 3004,

    /// <summary>No complete snapshot has this id.</summary>
    SnapshotNotFound = 3005,

    /// <summary>The snapshot failed verification (tampered, truncated or incomplete); restore refuses it.</summary>
    SnapshotInvalid = 3006,

    /// <summary>The snapshot's manifest is missing, unreadable or holds an unsafe path.</summary>
    ManifestUnreadable = 3007,

    /// <summary>A put-back asked for a file the snapshot does not hold.</summary>
    PathNotInSnapshot = 3008,

    /// <summary>Something in the live folder is in the way of a restore (a link or a directory where a file belongs).</summary>
    TargetConflict = 3009,

    /// <summary>Creating the snapshot failed part-way; the certificates folder was not changed.</summary>
    BackupFailed = 3010,

    /// <summary>Restoring failed part-way and could not be undone; every file is either old or restored, replaced files are in the displaced area. A re-run finishes.</summary>
    RestoreFailed = 3011,

    /// <summary>A live file changed while it was being displaced.</summary>
    LiveFileChanged = 3012,

    /// <summary>Deleting snapshots by retention failed part-way.</summary>
    PruneFailed = 3013,

    /// <summary>An argument is invalid (bad relative path, bad retention count).</summary>
    InvalidArgument = 3014,

    /// <summary>Restoring failed; every file it had changed was put back, so the folder is as it was before the restore.</summary>
    RestoreFailedRolledBack = 3015,

    /// <summary>The lock beside the certificates folder (<c>&lt;folder&gt;.certinstaller.lock</c> in its parent) cannot be written; nothing was changed.</summary>
    FolderLockUnusable = 3016,

    /// <summary>The certificates folder appeared while a backup recorded it as missing (another program created it); no snapshot was completed.</summary>
    FolderChangedDuringBackup = 3017,

    /// <summary>CI3040: the folder to scan is a volume root or a system folder (/, C:\, /proc, /dev, C:\Windows, ...): refused
    /// before anything is listed or read. The hosts' hints name what to set (InstallerHints, the harness's Hints).</summary>
    FolderUnsafe = 3040,
}
