namespace CertInstaller.Core.Backup;

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
    /// <summary>Where the LocalMachine stores no longer match what the snapshot recorded (the folder alone is then not a
    /// working state), or why that could not be told; empty when they match. Restores never change a store.</summary>
    public IReadOnlyList<StoreDrift> Store { get; init; } = [];

    /// <summary>How many files had <paramref name="action"/>.</summary>
    public int Count(RestoreFileAction action) => Files.Count(f => f.Action == action);

    /// <summary>"N replaced, N unchanged, ..." for logs and the harness.</summary>
    public string Summary =>
        string.Join(", ", Files.GroupBy(f => f.Action).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
}
