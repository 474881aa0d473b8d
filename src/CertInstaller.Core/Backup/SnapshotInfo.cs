namespace CertInstaller.Core.Backup;

/// <summary>A complete snapshot in a backup root.</summary>
/// <param name="Path">Its folder.</param>
/// <param name="Manifest">Its manifest (whose id matches the folder name).</param>
/// <param name="Validation">Validation recorded for it, if any.</param>
public sealed record SnapshotInfo(string Path, SnapshotManifest Manifest, ValidationMark? Validation)
{
    /// <summary>Snapshot id (the manifest's, which the reader checked against the folder name).</summary>
    public string Id => Manifest.Id;
}
