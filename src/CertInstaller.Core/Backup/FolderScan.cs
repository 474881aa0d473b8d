using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>Everything under a folder, walked without following links. Paths are '/' separated and sorted ordinally.</summary>
internal sealed class FolderScan
{
    private FolderScan(bool exists)
    {
        Exists = exists;
    }

    public bool Exists { get; }

    public List<(string RelativePath, FileSystemEntry Entry)> Files { get; } = new();

    public List<string> Directories { get; } = new();

    public List<string> Links { get; } = new();

    /// <summary>Scans <paramref name="root"/>; null entry means missing. Throws <see cref="BackupException"/> when the root is a file or a link.</summary>
    public static FolderScan Of(IFileSystem fs, string root, BackupErrorCode notAFolderCode)
    {
        var entry = fs.GetEntry(root);
        if (entry is null)
        {
            return new FolderScan(exists: false);
        }

        if (entry.Kind != FileSystemEntryKind.Directory)
        {
            throw new BackupException(
                notAFolderCode,
                root,
                entry.Kind == FileSystemEntryKind.Link
                    ? "The certificates folder is a symbolic link or junction; CertInstaller never follows links."
                    : "The certificates folder path is a file, not a folder.",
                "Give the real certificates folder, not a file or a link.");
        }

        var scan = new FolderScan(exists: true);
        FolderTree tree;
        try
        {
            tree = FolderTree.Walk(fs, root, tolerant: false);
        }
        catch (FolderListingException e) when (e.PathTooLong)
        {
            throw new BackupException(
                BackupErrorCode.PathTooLong,
                e.Directory,
                $"The path of this folder is too long for the system ({e.Directory.Length} characters); nothing was copied from or to it.",
                "Shorten the names of the folders under the certificates folder (or move the folder higher up), then run again.",
                e);
        }
        catch (FolderListingException e)
        {
            throw new BackupException(
                BackupErrorCode.SourceFolderUnreadable,
                e.Directory,
                $"This subfolder cannot be listed ({e.InnerException?.Message}). Nothing was changed.",
                "Give this account (installs run as SYSTEM/root) read and search access to that subfolder, then run again.",
                e);
        }

        var unsupported = tree.Special.FirstOrDefault(s => s.Kind == FileSystemEntryKind.UnsupportedName);
        if (unsupported.RelativePath is not null)
        {
            throw new BackupException(
                BackupErrorCode.NameNotSupported,
                RelativePath.Combine(root, unsupported.RelativePath),
                "This file's name is not valid UTF-8 (the bytes that are not are shown as \\xNN), so a snapshot cannot carry it; the run stopped rather than leave it out. Nothing was changed.",
                "Rename the file to a valid UTF-8 name (e.g. mv -- $'name\\xE9.cer' name.cer), then run again.");
        }

        scan.Files.AddRange(tree.Files);
        scan.Directories.AddRange(tree.Directories);
        scan.Links.AddRange(tree.Links);
        return scan;
    }
}
