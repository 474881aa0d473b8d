using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Refuses, before anything changes, a folder another account can change: a privileged run walks paths (not directory
/// handles, README security), so whoever can write a folder on the way could swap a subfolder for a link between the
/// check and the use. Unix: another owner, or write for a group other than root's or for others without the sticky bit,
/// on the folder, every parent up to the root (links resolved) and every subfolder. Windows: not checked (README).
/// </summary>
internal static class FolderSafety
{
    /// <summary>Throws <see cref="BackupErrorCode.FolderWritableByOthers"/> when the certificates folder, a parent or one of
    /// <paramref name="subfolders"/> can be changed by another account.</summary>
    public static void RefuseOtherWriters(IFileSystem fs, string folder, IEnumerable<string> subfolders)
    {
        foreach (var directory in ChainOf(fs, folder).Concat(subfolders))
        {
            if (Writers(fs, directory) is { } others)
            {
                throw new BackupException(
                    BackupErrorCode.FolderWritableByOthers,
                    directory,
                    $"This folder is {others.Describe()}. A backup or restore runs with full rights, and an account that can change this folder could swap a file or folder for a link meanwhile; nothing was read or changed.",
                    "Make it owned by root (Administrators on Windows) and writable only by its owner (chmod go-w; chown root), then run again.");
            }
        }
    }

    /// <summary>Throws <see cref="BackupErrorCode.BackupRootWritableByOthers"/> when a parent of the backup root can be
    /// changed by another account, or the root itself is owned by one; with <paramref name="includeMode"/> also when the
    /// root's own mode lets others write (checked after the store re-secured a root holding only its own entries).</summary>
    public static void RefuseOtherWritersOfRoot(IFileSystem fs, string root, bool includeMode)
    {
        foreach (var directory in ChainOf(fs, root))
        {
            var others = Writers(fs, directory);
            var isRoot = string.Equals(directory, fs.ResolveLinks(root), StringComparison.Ordinal);
            if (others is not null && isRoot && !includeMode)
            {
                others = others.OtherOwner is null ? null : others with { LooseMode = null };
            }

            if (others is not null)
            {
                throw new BackupException(
                    BackupErrorCode.BackupRootWritableByOthers,
                    directory,
                    $"The backup folder{(isRoot ? string.Empty : "'s parent")} '{directory}' is {others.Describe()}. Snapshots hold private keys and a restore trusts them, so another account must not control where they live; nothing was written.",
                    "Give a backup folder owned by root (Administrators on Windows) whose parent folders only administrators can write, e.g. /var/lib/certinstaller/backups, or fix the owner and mode (chown root; chmod 700), then run again.");
            }
        }
    }

    /// <summary>The folder (links resolved) and every existing parent up to the volume root, the folder first.</summary>
    private static IEnumerable<string> ChainOf(IFileSystem fs, string folder)
    {
        for (var d = fs.ResolveLinks(folder); !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            if (fs.GetEntry(d)?.Kind == FileSystemEntryKind.Directory)
            {
                yield return d;
            }
        }
    }

    private static OtherWriters? Writers(IFileSystem fs, string directory) => IoErrors.Wrap(
        () => fs.OtherWritersOf(directory),
        e => new BackupException(
            BackupErrorCode.FolderWritableByOthers,
            directory,
            $"Cannot read who owns this folder ({e.Message}); nothing was read or changed.",
            "Check the folder path and that this account may read its attributes, then run again.",
            e));
}
