namespace CertInstaller.Core.Backup;

/// <summary>A snapshot named on a command line: its backup root and its id. Either a snapshot folder
/// (<c>D:\Backups\20261126T221500Z-1a2b3c</c>, trailing separators allowed) or an id under a given backup root.</summary>
/// <param name="Root">The backup root that holds the snapshot.</param>
/// <param name="Id">The snapshot id (the folder's name).</param>
public sealed record SnapshotReference(string Root, string Id)
{
    /// <summary>Resolves <paramref name="snapshot"/>: an id under <paramref name="backupRoot"/> when that is given,
    /// otherwise a snapshot folder (made absolute against the current directory).</summary>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.InvalidArgument"/> when the text names no folder
    /// (empty, or a volume root).</exception>
    public static SnapshotReference Resolve(string snapshot, string? backupRoot)
    {
        if (string.IsNullOrWhiteSpace(snapshot))
        {
            throw NoSnapshot(snapshot);
        }

        var path = backupRoot is null ? Path.GetFullPath(snapshot) : Path.Combine(Path.GetFullPath(backupRoot), snapshot);
        var trimmed = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var root = trimmed.Length == 0 ? null : Path.GetDirectoryName(trimmed);
        var id = Path.GetFileName(trimmed);
        return root is null || id.Length == 0 ? throw NoSnapshot(snapshot) : new SnapshotReference(root, id);
    }

    private static BackupException NoSnapshot(string snapshot) => new(
        BackupErrorCode.InvalidArgument,
        snapshot,
        "This names no snapshot folder (a snapshot is a folder inside a backup root).",
        "Give the snapshot's folder, or its id together with its backup root.");
}
