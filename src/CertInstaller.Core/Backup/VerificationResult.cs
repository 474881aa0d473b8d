namespace CertInstaller.Core.Backup;

/// <summary>The result of checking a snapshot: private to this store, manifest readable, every file re-hashed against it.</summary>
/// <param name="SnapshotId">The snapshot verified (its folder name).</param>
/// <param name="Manifest">Its manifest, or null when that is missing or unreadable.</param>
/// <param name="Issues">Every problem found, in a stable order.</param>
public sealed record VerificationResult(string SnapshotId, SnapshotManifest? Manifest, IReadOnlyList<VerificationIssue> Issues)
{
    /// <summary>True when nothing was found.</summary>
    public bool IsValid => Issues.Count == 0;

    /// <summary>How many manifest entries were checked.</summary>
    public int FilesChecked => Manifest?.Files.Count ?? 0;
}
