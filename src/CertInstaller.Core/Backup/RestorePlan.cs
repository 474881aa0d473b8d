using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>The live folder as a restore sees it, read before anything changes.</summary>
/// <param name="Exists">Whether the folder exists.</param>
/// <param name="Files">Regular files by relative path (staging leftovers excluded).</param>
/// <param name="Directories">Every directory below the folder.</param>
/// <param name="Links">Links: never followed, never the restore's business.</param>
/// <param name="Leftovers">Staging files an interrupted restore left (named by <see cref="SnapshotLayout.IsStagingName"/>): kept
/// aside in the displaced area, then removed, by every restore.</param>
internal sealed record LiveFolder(
    bool Exists,
    IReadOnlyDictionary<string, LiveFile> Files,
    IReadOnlyCollection<string> Directories,
    IReadOnlyCollection<string> Links,
    IReadOnlyList<(string RelativePath, LiveFile File)> Leftovers);

/// <summary>One live file: its entry, its SHA-256 (when the plan needs it) and its own permissions.</summary>
internal sealed record LiveFile(FileSystemEntry Entry, string? Sha256, string? Permissions);

/// <summary>One file's change, as decided: restore, replace or remove.</summary>
/// <param name="RelativePath">'/'-separated path in the folder.</param>
/// <param name="Action">Restored, Replaced or Removed.</param>
/// <param name="Entry">The snapshot's file (null when the live file is removed).</param>
/// <param name="Live">The live file (null when it is missing).</param>
internal sealed record RestoreStep(string RelativePath, RestoreFileAction Action, ManifestEntry? Entry, LiveFile? Live);

/// <summary>What a restore will do, decided without touching the disk (<see cref="RestorePlanner"/>).</summary>
/// <param name="Steps">The changes, in order: the snapshot's files by path, then removals.</param>
/// <param name="Unchanged">Files that already match the snapshot.</param>
/// <param name="FolderWanted">False when an exact restore of a snapshot of a missing folder removes the folder.</param>
/// <param name="DirectoriesToCreate">Relative directories to create when missing (parents first).</param>
/// <param name="DirectoriesToRemoveIfEmpty">Relative directories the snapshot lacks, deepest first (exact only).</param>
/// <param name="LinksLeft">Links left in place (exact only).</param>
internal sealed record RestorePlan(
    IReadOnlyList<RestoreStep> Steps,
    IReadOnlyList<string> Unchanged,
    bool FolderWanted,
    IReadOnlyList<string> DirectoriesToCreate,
    IReadOnlyList<string> DirectoriesToRemoveIfEmpty,
    IReadOnlyList<string> LinksLeft);
