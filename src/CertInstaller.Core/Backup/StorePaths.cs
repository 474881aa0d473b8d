using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>Path policy of a store: normalised folders, the backup root kept apart from the certificates folder (links
/// resolved), the root created and secured, and where the lock beside a certificates folder lives.</summary>
internal static class StorePaths
{
    /// <summary>Suffix of the lock file beside a certificates folder, in its parent: <c>Certificates.certinstaller.lock</c>.</summary>
    public const string FolderLockSuffix = ".certinstaller.lock";

    public static string NormalizeFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        var trimmed = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? full : trimmed;
    }

    /// <summary>True when the root exists as a directory (a link to one counts: the root itself may be a link).</summary>
    public static bool RootExists(IFileSystem fs, string root) => fs.GetEntry(root)?.Kind is FileSystemEntryKind.Directory or FileSystemEntryKind.Link;

    /// <summary>Refuses a certificates folder that contains the backup root or lies inside it, links resolved on both sides.</summary>
    public static void CheckSeparate(IFileSystem fs, string root, string folder)
    {
        var real = NormalizeFolder(fs.ResolveLinks(folder));
        var comparison = fs.PathComparer.Equals("A", "a") ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        static string WithSeparator(string path) => path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? path : path + Path.DirectorySeparatorChar;
        if (WithSeparator(root).StartsWith(WithSeparator(real), comparison) || WithSeparator(real).StartsWith(WithSeparator(root), comparison))
        {
            throw new BackupException(
                BackupErrorCode.InvalidArgument,
                folder,
                $"The backup folder '{root}' and the certificates folder overlap; snapshots would copy or restore themselves. Nothing was changed.",
                "Give a backup folder outside the certificates folder (and a certificates folder outside the backup folder).");
        }
    }

    /// <summary>The lock file beside <paramref name="folder"/> (in its parent, links in the parent resolved), or null for a volume root.</summary>
    public static string? FolderLockPath(IFileSystem fs, string folder)
    {
        var parent = Path.GetDirectoryName(folder);
        return parent is null ? null : Path.Combine(fs.ResolveLinks(parent), Path.GetFileName(folder) + FolderLockSuffix);
    }

    public static void EnsureRoot(IFileSystem fs, string root) => IoErrors.Wrap(
        () =>
        {
            // Another account that owns the root or can write a folder above it could swap what a restore trusts: refused
            // (the owner check comes before the re-securing below, which must not chmod someone else's folder).
            FolderSafety.RefuseOtherWritersOfRoot(fs, root, includeMode: false);
            if (fs.GetEntry(root) is null)
            {
                fs.CreateDirectory(root, privateAccess: true);
                fs.SyncDirectory(Durable.Parent(root));
            }
            else if (fs.List(root).All(e => IsOwnEntry(e.Name)))
            {
                // Only a folder that holds nothing but ours is re-secured: CERTINSTALLER_BACKUPDIR=D:\ must not lock
                // everyone out of D:\. Each snapshot is private on its own either way, and only private ones count.
                fs.MakePrivate(root);
            }

            FolderSafety.RefuseOtherWritersOfRoot(fs, root, includeMode: true);
        },
        e => new BackupException(
            BackupErrorCode.BackupRootUnusable,
            root,
            $"Cannot create or secure the backup folder: {e.Message}",
            "Run as an administrator (installs run as SYSTEM), or give a local backup folder this account can write.",
            e));

    private static bool IsOwnEntry(string name)
    {
        var bare = name.EndsWith(SnapshotLayout.PartialSuffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - SnapshotLayout.PartialSuffix.Length)
            : name.EndsWith(SnapshotLayout.DeletingSuffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - SnapshotLayout.DeletingSuffix.Length)
            : name;
        return SnapshotLayout.IsSnapshotId(bare) || name.StartsWith(SnapshotLayout.LockFile, StringComparison.Ordinal)
            || name.StartsWith("transaction-", StringComparison.Ordinal) || name.StartsWith("certinstaller-", StringComparison.Ordinal);
    }
}
