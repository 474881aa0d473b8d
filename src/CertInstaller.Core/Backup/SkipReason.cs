namespace CertInstaller.Core.Backup;

/// <summary>Why an entry of the folder is not in the snapshot.</summary>
public enum SkipReason
{
    /// <summary>A symbolic link, junction or other reparse point: never followed, its target is not copied.</summary>
    Link = 1,

    /// <summary>A <c>*.certinstaller-staging</c> file an interrupted restore left: a copy of snapshot content, not the folder's
    /// own (the next restore deletes it); never captured, so a snapshot never holds a half-restored file twice.</summary>
    RestoreLeftover = 2,
}
