namespace CertInstaller.Core.Backup;

/// <summary>What verification found wrong with a snapshot. Each value is its printed number (CI10101…); never renumbered.</summary>
public enum VerificationIssueCode
{
    /// <summary>The snapshot has no manifest.json.</summary>
    ManifestMissing = 10101,

    /// <summary>manifest.json cannot be parsed, or holds an unsafe path.</summary>
    ManifestUnreadable = 10102,

    /// <summary>A file listed in the manifest is not in the snapshot.</summary>
    FileMissing = 10103,

    /// <summary>A file's size differs from the manifest.</summary>
    FileSizeMismatch = 10104,

    /// <summary>A file's SHA-256 differs from the manifest (tampered or corrupted).</summary>
    FileHashMismatch = 10105,

    /// <summary>The snapshot holds a file the manifest does not list.</summary>
    FileExtra = 10106,

    /// <summary>A file of the snapshot cannot be read.</summary>
    FileUnreadable = 10107,

    /// <summary>The snapshot holds a link (snapshots never contain links).</summary>
    UnexpectedLink = 10108,

    /// <summary>The snapshot folder is not private to this account and the administrators (group/other access, another owner,
    /// an inherited ACL): this store did not write it. It is never restored, counted by retention or deleted.</summary>
    NotPrivate = 10109,
}
