namespace CertInstaller.Core.IO;

/// <summary>The real file system. Links are reported, never followed.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    /// <inheritdoc />
    public StringComparer PathComparer { get; } =
        Platform.IsWindows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <inheritdoc />
    public FileSystemEntry? GetEntry(string path)
    {
        var file = new FileInfo(path);
        if (file.Exists)
        {
            return ToEntry(file);
        }

        var directory = new DirectoryInfo(path);
        return directory.Exists ? ToEntry(directory) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<FileSystemEntry> List(string directory)
    {
        // Each FileSystemInfo becomes its entry as it is enumerated and is dropped at once: a folder of 20,000 files never
        // holds 20,000 FileSystemInfo objects (about 400 bytes each) beside the entries (bench/compare.sh's 20,000 scan).
        var entries = new List<FileSystemEntry>();
        List<FileSystemInfo>? undecoded = null;
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (info.Name.IndexOf('\uFFFD') >= 0)
            {
                (undecoded ??= []).Add(info);
                continue;
            }

            Add(info);
        }

        if (undecoded is not null)
        {
            // A name .NET could not decode (not valid UTF-8): its decoded form opens nothing. Report it by its raw bytes.
            var unsupported = new List<FileSystemEntry>();
            foreach (var raw in RawNames.InvalidUtf8Names(directory))
            {
                var lossy = RawNames.Lossy(raw);
                undecoded.RemoveAll(i => string.Equals(i.Name, lossy, StringComparison.Ordinal));
                unsupported.Add(new FileSystemEntry(Path.Combine(directory, RawNames.Escaped(raw)), FileSystemEntryKind.UnsupportedName, 0, default, default, false));
            }

            entries.InsertRange(0, unsupported);
            foreach (var info in undecoded)
            {
                Add(info); // a name that really holds U+FFFD
            }
        }

        return entries;

        void Add(FileSystemInfo info)
        {
            if ((int)info.Attributes != -1)
            {
                entries.Add(ToEntry(info));
                return;
            }

            // .NET could not stat the entry (its FullName then reads empty): gone since the listing, or say which and why;
            // never take it for a link.
            var path = Path.Combine(directory, info.Name);
            if (!Platform.IsWindows && path.Length >= 4096)
            {
                throw new PathTooLongException($"The path '{path}' is {path.Length} characters long, more than the system accepts (4095).");
            }

            var gone = Platform.IsWindows ? !File.Exists(path) && !Directory.Exists(path) : RegularFile.KindOf(path) is null;
            if (!gone)
            {
                throw new IOException($"Cannot read the attributes of '{path}'.");
            }
        }
    }

    /// <inheritdoc />
    public Stream OpenRead(string path) => RegularFile.OpenRead(path); // regular files only; never blocks, never follows a link

    /// <inheritdoc />
    public Stream CreateNew(string path, bool privateAccess)
    {
#if NET
        if (privateAccess && !OperatingSystem.IsWindows())
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.Read,
                BufferSize = 81920,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
#endif
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920);
        if (privateAccess && !Platform.IsWindows)
        {
            // netstandard2.0 off Windows: no way to create with a mode; tighten right away.
            AccessControl.MakePrivate(path, isDirectory: false);
        }

        return stream;
    }

    /// <inheritdoc />
    public Stream OpenOwnFileForAppend(string path) => RegularFile.OpenOwnForAppend(path);

    /// <inheritdoc />
    public void CreateDirectory(string path, bool privateAccess)
    {
        if (Directory.Exists(path))
        {
            return;
        }

#if NET
        if (privateAccess && !OperatingSystem.IsWindows())
        {
            // Every directory this call creates gets 0700, missing parents included.
            var missing = new Stack<string>();
            for (var current = path; !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
            {
                missing.Push(current);
            }

            while (missing.Count > 0)
            {
                Directory.CreateDirectory(missing.Pop(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return;
        }
#endif
        Directory.CreateDirectory(path);
        if (privateAccess)
        {
            AccessControl.MakePrivate(path, isDirectory: true);
        }
    }

    /// <inheritdoc />
    public void MakePrivate(string path) =>
        AccessControl.MakePrivate(path, isDirectory: Directory.Exists(path));

    /// <inheritdoc />
    public void MoveFile(string source, string destination, bool overwrite)
    {
        if (Platform.IsWindows)
        {
            NativeMethods.MoveWriteThrough(source, destination, overwrite);
            return;
        }
#if NET
        File.Move(source, destination, overwrite);
#else
        if (overwrite)
        {
            NativeMethods.Rename(source, destination);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }

    /// <inheritdoc />
    public void MoveDirectory(string source, string destination)
    {
        if (Platform.IsWindows)
        {
            NativeMethods.MoveWriteThrough(source, destination, replace: false);
        }
        else
        {
            Directory.Move(source, destination);
        }
    }

    /// <inheritdoc />
    public void DeleteFile(string path) => File.Delete(path);

    /// <inheritdoc />
    public void DeleteEmptyDirectory(string path) => Directory.Delete(path, recursive: false);

    /// <inheritdoc />
    public void DeleteDirectoryTree(string path)
    {
        // Clear read-only files first: Windows refuses to delete them.
        foreach (var entry in List(path))
        {
            if (entry.Kind == FileSystemEntryKind.Directory)
            {
                DeleteDirectoryTree(entry.FullPath);
            }
            else
            {
                if (entry.IsReadOnly && entry.Kind == FileSystemEntryKind.File)
                {
                    SetReadOnly(entry.FullPath, false);
                }

                if (entry.Kind == FileSystemEntryKind.Link && Directory.Exists(entry.FullPath))
                {
                    Directory.Delete(entry.FullPath, recursive: false);
                }
                else
                {
                    File.Delete(entry.FullPath);
                }
            }
        }

        Directory.Delete(path, recursive: false);
    }

    /// <inheritdoc />
    public void SetTimes(string path, DateTime createdUtc, DateTime modifiedUtc)
    {
        File.SetCreationTimeUtc(path, createdUtc);
        File.SetLastWriteTimeUtc(path, modifiedUtc);
    }

    /// <inheritdoc />
    public void SetReadOnly(string path, bool readOnly)
    {
        var attributes = File.GetAttributes(path);
        var wanted = readOnly ? attributes | FileAttributes.ReadOnly : attributes & ~FileAttributes.ReadOnly;
        if (wanted != attributes)
        {
            File.SetAttributes(path, wanted == 0 ? FileAttributes.Normal : wanted);
        }
    }

    /// <inheritdoc />
    public void FlushToDisk(Stream stream)
    {
        if (stream is FileStream file)
        {
            file.Flush(flushToDisk: true); // fsync on Unix, FlushFileBuffers on Windows
        }
        else
        {
            stream.Flush();
        }
    }

    /// <inheritdoc />
    public void SyncDirectory(string directory)
    {
        if (!Platform.IsWindows)
        {
            NativeMethods.FsyncDirectory(directory);
        }
    }

    /// <inheritdoc />
    public string? GetPermissions(string path) => AccessControl.GetPermissions(path);

    /// <inheritdoc />
    public void SetPermissions(string path, string permissions)
    {
        // Windows keeps the read-only attribute apart from the ACL; Wine (the Linux MSI rig) maps a new ACL onto the
        // Unix mode and so cleared it: a restored read-only file came back writable. Keep it across the ACL change.
        var readOnly = Platform.IsWindows && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
        AccessControl.SetPermissions(path, permissions);
        if (readOnly)
        {
            SetReadOnly(path, true);
        }
    }

    /// <inheritdoc />
    public bool IsPrivate(string path) => AccessControl.IsPrivate(path, Directory.Exists(path));

    /// <inheritdoc />
    public string ResolveLinks(string path) => ResolveLinks(path, 0);

    /// <inheritdoc />
    public void ApplyAttributesOnHandle(Stream stream, DateTime createdUtc, DateTime modifiedUtc, bool readOnly, string? permissions) =>
        HandleAttributes.Apply(AsFile(stream), createdUtc, modifiedUtc, readOnly, permissions);

    /// <inheritdoc />
    public string? IdentityOfHandle(Stream stream) => HandleAttributes.IdentityOf(AsFile(stream));

    /// <inheritdoc />
    public string? IdentityOfEntry(string path) => HandleAttributes.IdentityOf(path);

    /// <inheritdoc />
    public OtherWriters? OtherWritersOf(string path) => NativeMethods.OtherWritersOf(path);

    /// <inheritdoc />
    public Stream CreateNewOwnerOnly(string path)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
#else
        if (!Platform.IsWindows)
        {
            // No mode at creation here: tightening afterwards would leave a moment in which another account could open it.
            throw new PlatformNotSupportedException($"Cannot create '{path}' private: the netstandard2.0 build sets ACLs on Windows only. Use the net10.0 build on this system.");
        }
#endif
        return AccessControl.CreateNewOwnerOnlyWindows(path);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> BroadReadersOf(string path)
    {
#if NET
        return OperatingSystem.IsWindows() ? AccessControl.BroadReadersWindows(path) : [];
#else
        return Platform.IsWindows ? AccessControl.BroadReadersWindows(path) : [];
#endif
    }

    private static FileStream AsFile(Stream stream) =>
        stream as FileStream ?? throw new ArgumentException("Not a stream this file system opened.", nameof(stream));

    private static string ResolveLinks(string path, int hops)
    {
        var full = Path.GetFullPath(path);
#if NET
        // Walk from the top, following each link to its final target; 40 hops at most (Linux's ELOOP limit).
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists)
            {
                info = new FileInfo(next);
            }

            if (info.Exists && info.LinkTarget is not null && hops < 40)
            {
                FileSystemInfo? target;
                try
                {
                    target = info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    target = null; // a cycle: keep the link itself
                }

                if (target is not null)
                {
                    var rest = parts.Skip(i + 1).ToArray();
                    return ResolveLinks(rest.Length == 0 ? target.FullName : Path.Combine(new[] { target.FullName }.Concat(rest).ToArray()), hops + 1);
                }
            }

            current = next;
        }

        return current.Length == 0 ? full : current;
#else
        return full; // netstandard2.0 runs on Windows only, where a junctioned root is used as given
#endif
    }

    private static FileSystemEntry ToEntry(FileSystemInfo info)
    {
        var attributes = info.Attributes;
        var kind = (attributes & FileAttributes.ReparsePoint) != 0 ? FileSystemEntryKind.Link
            : (attributes & FileAttributes.Directory) != 0 ? FileSystemEntryKind.Directory
            : RegularFile.KindOf(info.FullName) is { } native && native.IsSpecial() ? native // FIFO, socket, device
            : FileSystemEntryKind.File;
        var length = kind == FileSystemEntryKind.File ? ((FileInfo)info).Length : 0;
        return new FileSystemEntry(
            info.FullName,
            kind,
            length,
            info.CreationTimeUtc,
            info.LastWriteTimeUtc,
            (attributes & FileAttributes.ReadOnly) != 0);
    }

}
