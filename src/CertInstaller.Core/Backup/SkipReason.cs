namespace CertInstaller.Core.Backup;

/// <summary>Why an entry of the folder is not in the snapshot.</summary>
public enum SkipReason
{
    /// <summary>A symbolic link, junction or other reparse point: never followed, its target is not copied.</summary>
    Link = 1,
}
