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
        var tree = FolderTree.Walk(fs, root, tolerant: false);
        scan.Files.AddRange(tree.Files);
        scan.Directories.AddRange(tree.Directories);
        scan.Links.AddRange(tree.Links);
        return scan;
    }
}
