namespace CertInstaller.Core.Backup;

/// <summary>Why an entry of the folder is not in the snapshot.</summary>
public enum SkipReason
{
    /// <summary>A symbolic link, junction or other reparse point: never followed, its target is not copied.</summary>
    Link = 1,
}

/// <summary>An entry of the folder the snapshot does not hold, and why.</summary>
/// <param name="RelativePath">Path relative to the certificates folder, '/' separated.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedEntry(string RelativePath, SkipReason Reason);
