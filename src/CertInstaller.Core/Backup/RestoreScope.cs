namespace CertInstaller.Core.Backup;

/// <summary>Which files a restore covers.</summary>
public enum RestoreScope
{
    /// <summary>The whole folder: afterwards it is byte-identical to the snapshot.</summary>
    Exact = 1,

    /// <summary>Only the given files (put-back): others are left alone, nothing is removed.</summary>
    Subset = 2,
}
