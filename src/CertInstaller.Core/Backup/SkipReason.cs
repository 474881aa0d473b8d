namespace CertInstaller.Core.Backup;

/// <summary>Why an entry of the folder is not in the snapshot.</summary>
public enum SkipReason
{
    /// <summary>A symbolic link, junction or other reparse point: never followed, its target is not copied.</summary>
    Link = 1,

    /// <summary>Written by versions before issue 25 for a <c>*.certinstaller-staging</c> file; no longer produced: every file is
    /// captured whatever its name (a restore's leftover included), so an admin's file of that name is never lost.</summary>
    RestoreLeftover = 2,
}
