namespace CertInstaller.Core.Backup;

/// <summary>Which files a restore covers.</summary>
public enum RestoreScope
{
    /// <summary>The whole folder: afterwards it is byte-identical to the snapshot.</summary>
    Exact = 1,

    /// <summary>Only the given files (put-back): others are left alone, nothing is removed.</summary>
    Subset = 2,
}

/// <summary>What a restore did to one file. Values are stable.</summary>
public enum RestoreFileAction
{
    /// <summary>The live file already matched the snapshot.</summary>
    Unchanged = 1,

    /// <summary>The file was missing and was restored.</summary>
    Restored = 2,

    /// <summary>The live file differed; it was kept in the displaced area and replaced.</summary>
    Replaced = 3,

    /// <summary>The live file is not in the snapshot; it was moved to the displaced area (exact restore only).</summary>
    Removed = 4,

    /// <summary>A link in the live folder is not the snapshot's business; it was left where it is, never followed.</summary>
    LinkLeftInPlace = 5,

    /// <summary>A staging file left by an interrupted restore (a copy of snapshot content) was deleted.</summary>
    StagingLeftoverDeleted = 6,
}

/// <summary>One file's outcome.</summary>
/// <param name="RelativePath">'/'-separated path in the folder.</param>
/// <param name="Action">What was done.</param>
/// <param name="DisplacedPath">Where the previous live file was kept (Replaced, Removed), else null.</param>
public sealed record RestoreFileResult(string RelativePath, RestoreFileAction Action, string? DisplacedPath);

/// <summary>The outcome of a restore or put-back.</summary>
/// <param name="SnapshotId">Snapshot restored from.</param>
/// <param name="RunId">This run's id (its displaced files are under displaced/&lt;RunId&gt;).</param>
/// <param name="TargetFolder">The folder restored.</param>
/// <param name="Scope">Exact or subset.</param>
/// <param name="Files">Per-file outcome, in order of action.</param>
/// <param name="DisplacedFolder">Where this run kept replaced/removed live files, or null when it kept none.</param>
public sealed record RestoreReport(
    string SnapshotId,
    string RunId,
    string TargetFolder,
    RestoreScope Scope,
    IReadOnlyList<RestoreFileResult> Files,
    string? DisplacedFolder)
{
    /// <summary>How many files had <paramref name="action"/>.</summary>
    public int Count(RestoreFileAction action) => Files.Count(f => f.Action == action);
}
