namespace CertInstaller.TestSupport;

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it when disposed.</summary>
/// <remarks>
/// Deleting never follows a link: a symbolic link or junction inside is removed itself, so a test that points a link
/// at a folder outside (or at "/") loses nothing there. It also copes with what tests leave behind on purpose:
/// read-only files, folders without write or search permission, FIFOs and sockets.
/// </remarks>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates the folder.</summary>
    /// <param name="prefix">Start of the folder's name, so a leftover can be traced to its tests.</param>
    public TempDir(string prefix = "ci-test-")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> (with '/' or the platform's separator) inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM) to <paramref name="relative"/>, creating its folders; returns its full path.</summary>
    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/>, creating its folders; returns its full path.</summary>
    public string Write(string relative, byte[] content)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose() => DeleteTree(Path);

    /// <summary>Deletes <paramref name="path"/> and everything under it without following any link; a link at
    /// <paramref name="path"/> itself is removed, not its target. No-op when nothing is there.</summary>
    public static void DeleteTree(string path)
    {
        FileSystemInfo root = new DirectoryInfo(path);
        if (!root.Exists && root.LinkTarget is null)
        {
            root = new FileInfo(path);
            if (!root.Exists && root.LinkTarget is null)
            {
                return;
            }
        }

        // Windows may hold a file a moment after its last handle closed (indexer, antivirus): retry, then report.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Remove(root);
                return;
            }
            catch (IOException) when (OperatingSystem.IsWindows() && attempt < 5)
            {
                Thread.Sleep(100 * attempt);
                root.Refresh();
            }
        }
    }

    private static void Remove(FileSystemInfo entry)
    {
        if (entry.LinkTarget is not null || (entry.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            RemoveLink(entry);
        }
        else if (entry is DirectoryInfo directory)
        {
            MakeWritable(directory);
            foreach (var child in directory.EnumerateFileSystemInfos())
            {
                Remove(child);
            }

            directory.Delete(recursive: false);
        }
        else
        {
            // Unix deletes a read-only file (the folder's mode decides); Windows refuses until the attribute is gone.
            if (OperatingSystem.IsWindows() && (entry.Attributes & FileAttributes.ReadOnly) != 0)
            {
                entry.Attributes &= ~FileAttributes.ReadOnly;
            }

            entry.Delete();
        }
    }

    private static void RemoveLink(FileSystemInfo link)
    {
        if (OperatingSystem.IsWindows())
        {
            // RemoveDirectory on a directory link or junction removes the link only; DeleteFile does a file link.
            if (link is DirectoryInfo)
            {
                Directory.Delete(link.FullName, recursive: false);
            }
            else
            {
                File.Delete(link.FullName);
            }
        }
        else
        {
            // unlink(2) removes the link itself, also when it points at a directory.
            File.Delete(link.FullName);
        }
    }

    private static void MakeWritable(DirectoryInfo directory)
    {
        if (OperatingSystem.IsWindows())
        {
            if ((directory.Attributes & FileAttributes.ReadOnly) != 0)
            {
                directory.Attributes &= ~FileAttributes.ReadOnly;
            }
        }
        else
        {
            // A test may have taken away write or search permission; the owner may always give it back. Only reached for
            // a real directory (links were handled before), so chmod, which follows links, changes nothing outside.
            const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            if ((directory.UnixFileMode & owner) != owner)
            {
                directory.UnixFileMode |= owner;
            }
        }
    }
}
