namespace CertInstaller.Core.IO;

/// <summary>Everything under a folder, walked through <see cref="IFileSystem"/> without ever following a link or opening
/// a file. Paths are relative, '/'-separated and sorted ordinally.</summary>
/// <param name="Files">Regular files with their entries: the only entries a caller may open.</param>
/// <param name="Directories">Every directory below the root (empty ones included).</param>
/// <param name="Links">Symbolic links and junctions: listed, never followed.</param>
/// <param name="Unlistable">Directories that could not be listed, with the reason (only when walking tolerantly).</param>
/// <param name="Special">FIFOs, sockets and devices with their kind: listed, never opened (see <see cref="FileSystemEntryKind"/>).</param>
public sealed record FolderTree(
    IReadOnlyList<(string RelativePath, FileSystemEntry Entry)> Files,
    IReadOnlyList<string> Directories,
    IReadOnlyList<string> Links,
    IReadOnlyList<(string RelativePath, string Reason)> Unlistable,
    IReadOnlyList<(string RelativePath, FileSystemEntryKind Kind)> Special)
{
    /// <summary>Walks the directory <paramref name="root"/>; with <paramref name="tolerant"/>, a directory that cannot be
    /// listed is recorded instead of throwing (scans that only report), otherwise the error propagates (backup must not
    /// silently miss files).</summary>
    /// <exception cref="Backup.BackupException"><see cref="Backup.BackupErrorCode.FolderUnsafe"/>: <paramref name="root"/> is a
    /// volume root or a system folder (see <see cref="FolderGuard"/>); nothing was listed.</exception>
    public static FolderTree Walk(IFileSystem fs, string root, bool tolerant)
    {
        FolderGuard.Check(root);
        var files = new List<(string, FileSystemEntry)>();
        var directories = new List<string>();
        var links = new List<string>();
        var unlistable = new List<(string, string)>();
        var special = new List<(string, FileSystemEntryKind)>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IReadOnlyList<FileSystemEntry> children;
            try
            {
                children = fs.List(directory);
            }
            catch (Exception e) when (tolerant && e is IOException or UnauthorizedAccessException)
            {
                unlistable.Add((Relative(root, directory), e.Message));
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FolderListingException(directory, e); // names the subfolder, not the walk's root
            }
            foreach (var child in children)
            {
                var relative = Relative(root, child.FullPath);
                switch (child.Kind)
                {
                    case FileSystemEntryKind.File:
                        files.Add((relative, child));
                        break;
                    case FileSystemEntryKind.Directory:
                        directories.Add(relative);
                        pending.Push(child.FullPath);
                        break;
                    case FileSystemEntryKind.Link:
                        links.Add(relative);
                        break;
                    default:
                        // FIFOs, sockets, devices, and any kind added later: never handed out to be opened.
                        special.Add((relative, child.Kind));
                        break;
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        directories.Sort(StringComparer.Ordinal);
        links.Sort(StringComparer.Ordinal);
        special.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new FolderTree(files, directories, links, unlistable, special);
    }

    private static string Relative(string root, string fullPath) => fullPath.Length <= root.Length ? string.Empty :
        fullPath.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/'); // '\\' is a name character on Unix
}
