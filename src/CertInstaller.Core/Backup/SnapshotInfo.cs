namespace CertInstaller.Core.Backup;

/// <summary>A complete snapshot in a backup root.</summary>
/// <param name="Id">Snapshot id.</param>
/// <param name="Path">Its folder.</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="Validation">Validation recorded for it, if any.</param>
public sealed record SnapshotInfo(string Id, string Path, SnapshotManifest Manifest, ValidationMark? Validation);
