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
                "Point CERTINSTALLER_CERTDIR at the real certificates folder.");
        }

        var scan = new FolderScan(exists: true);
        scan.Walk(fs, root, root);
        scan.Files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        scan.Directories.Sort(StringComparer.Ordinal);
        scan.Links.Sort(StringComparer.Ordinal);
        return scan;
    }

    private void Walk(IFileSystem fs, string root, string directory)
    {
        foreach (var child in fs.List(directory))
        {
            var relative = RelativePath.Of(root, child.FullPath);
            switch (child.Kind)
            {
                case FileSystemEntryKind.Directory:
                    Directories.Add(relative);
                    Walk(fs, root, child.FullPath);
                    break;
                case FileSystemEntryKind.Link:
                    Links.Add(relative);
                    break;
                default:
                    Files.Add((relative, child));
                    break;
            }
        }
    }
}
