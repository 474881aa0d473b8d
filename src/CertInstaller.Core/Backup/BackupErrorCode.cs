namespace CertInstaller.Core.Backup;

/// <summary>Why a backup operation failed. Each value is its printed number (CI10001…); never renumbered.</summary>
public enum BackupErrorCode
{
    /// <summary>The certificates folder path is a file or a link, not a folder.</summary>
    SourceNotAFolder = 10001,

    /// <summary>A file of the certificates folder could not be read (locked, access denied).</summary>
    SourceFileUnreadable = 10002,

    /// <summary>The backup root could not be created or written.</summary>
    BackupRootUnusable = 10003,

    /// <summary>Another run holds the lock on the backup root.</summary>
    LockHeld = 10004,

    /// <summary>No complete snapshot has this id.</summary>
    SnapshotNotFound = 10005,

    /// <summary>The snapshot failed verification (tampered, truncated or incomplete); restore refuses it.</summary>
    SnapshotInvalid = 10006,

    /// <summary>The snapshot's manifest is missing, unreadable or holds an unsafe path.</summary>
    ManifestUnreadable = 10007,

    /// <summary>A put-back asked for a file the snapshot does not hold.</summary>
    PathNotInSnapshot = 10008,

    /// <summary>Something in the live folder is in the way of a restore (a link or a directory where a file belongs).</summary>
    TargetConflict = 10009,

    /// <summary>Creating the snapshot failed part-way; the certificates folder was not changed.</summary>
    BackupFailed = 10010,

    /// <summary>Restoring failed part-way and could not be undone; every file is either old or restored, replaced files are in the displaced area. A re-run finishes.</summary>
    RestoreFailed = 10011,

    /// <summary>A live file changed while it was being displaced.</summary>
    LiveFileChanged = 10012,

    /// <summary>Deleting snapshots by retention failed part-way.</summary>
    PruneFailed = 10013,

    /// <summary>An argument is invalid (bad relative path, bad retention count).</summary>
    InvalidArgument = 10014,

    /// <summary>Restoring failed; every file it had changed was put back, so the folder is as it was before the restore.</summary>
    RestoreFailedRolledBack = 10015,

    /// <summary>The lock beside the certificates folder (<c>&lt;folder&gt;.certinstaller.lock</c> in its parent) cannot be written; nothing was changed.</summary>
    FolderLockUnusable = 10016,

    /// <summary>The certificates folder appeared while a backup recorded it as missing (another program created it); no snapshot was completed.</summary>
    FolderChangedDuringBackup = 10017,

    /// <summary>CI10040: the folder to scan is a volume root or a system folder (/, C:\, /proc, /dev, C:\Windows, ...): refused
    /// before anything is listed or read. The hosts' hints name what to set (InstallerHints, the harness's Hints).</summary>
    FolderUnsafe = 10040,

    /// <summary>CI10050: the certificates folder, one of its subfolders or one of its parent folders can be changed by an
    /// account other than this one and the administrators (another owner, or group/other write without the sticky bit), so
    /// a privileged backup or restore could be steered through a swapped folder or link; refused before anything changed.</summary>
    FolderWritableByOthers = 10050,

    /// <summary>CI10051: the backup root or one of its parent folders is owned, or can be written, by an account other than
    /// this one and the administrators; refused before anything was written.</summary>
    BackupRootWritableByOthers = 10051,

    /// <summary>CI10052: a restore met an entry it did not create at its staging path, or its staged file was replaced by
    /// another entry around the rename; it changed nothing through that entry and put back what it had changed.</summary>
    StagingTampered = 10052,

    /// <summary>CI10053: a file name cannot be carried by a snapshot on this system (not valid UTF-8 on Linux; a name
    /// Windows cannot hold when a snapshot is restored there); the backup or restore stopped, naming the file.</summary>
    NameNotSupported = 10053,

    /// <summary>CI10054: a path is longer than the system accepts; nothing was copied from or to it.</summary>
    PathTooLong = 10054,

    /// <summary>CI10055: a subfolder of the certificates folder cannot be listed (access denied); no snapshot was completed.</summary>
    SourceFolderUnreadable = 10055,
}
