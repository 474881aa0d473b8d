namespace CertInstaller.Core.Backup;

/// <summary>What to snapshot.</summary>
/// <param name="SourceFolder">The certificates folder (may not exist on a first install).</param>
/// <param name="Reason">Why (recorded in the manifest and the lock).</param>
public sealed record SnapshotRequest(string SourceFolder, string Reason)
{
    /// <summary>
    /// Classifies each file by its '/'-separated path relative to <see cref="SourceFolder"/>.
    /// Null records every file as <see cref="FileOrigin.Unknown"/>.
    /// </summary>
    public Func<string, FileClassification>? Classify { get; init; }

    /// <summary>
    /// Records the store's part of the snapshot (<see cref="SnapshotManifest.Store"/>), called once while the snapshot is
    /// written. Null records none. An exception it throws records the store as not recorded; it never fails the backup.
    /// </summary>
    public Func<StoreSection>? RecordStore { get; init; }

    /// <summary>Machine name recorded in the manifest.</summary>
    public string MachineName { get; init; } = Environment.MachineName;
}
