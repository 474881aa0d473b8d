namespace CertInstaller.Core.Backup;

/// <summary>A snapshot as retention sees it.</summary>
/// <param name="Snapshot">The snapshot.</param>
/// <param name="DisplacedSha256">SHA-256 of every file in its displaced area (live files restores replaced or removed).</param>
/// <param name="Intact">False when it failed verification: it then fills no "newest" slot, counts as no copy, and is kept.</param>
public sealed record RetentionCandidate(SnapshotInfo Snapshot, IReadOnlyCollection<string> DisplacedSha256, bool Intact = true);
