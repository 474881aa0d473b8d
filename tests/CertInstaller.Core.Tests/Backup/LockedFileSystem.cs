using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// The real file system, except that one file behaves as if another process held it open: it cannot be
/// renamed over, deleted or changed, and (unless <paramref name="readable"/>) not read either.
/// </summary>
internal sealed class LockedFileSystem(string lockedPath, bool readable = false) : IFileSystem
{
    private readonly PhysicalFileSystem _inner = new();

    public StringComparer PathComparer => _inner.PathComparer;

    public FileSystemEntry? GetEntry(string path) => _inner.GetEntry(path);

    public IReadOnlyList<FileSystemEntry> List(string directory) => _inner.List(directory);

    public Stream OpenRead(string path) => readable ? _inner.OpenRead(path) : Check(path, () => _inner.OpenRead(path));

    public Stream CreateNew(string path, bool privateAccess) => _inner.CreateNew(path, privateAccess);

    public void CreateDirectory(string path, bool privateAccess) => _inner.CreateDirectory(path, privateAccess);

    public void MakePrivate(string path) => _inner.MakePrivate(path);

    public void MoveFile(string source, string destination, bool overwrite) =>
        Check(destination, () => Check(source, () => { _inner.MoveFile(source, destination, overwrite); return 0; }));

    public void MoveDirectory(string source, string destination) => _inner.MoveDirectory(source, destination);

    public void DeleteFile(string path) => Check(path, () => { _inner.DeleteFile(path); return 0; });

    public void DeleteEmptyDirectory(string path) => _inner.DeleteEmptyDirectory(path);

    public void DeleteDirectoryTree(string path) => _inner.DeleteDirectoryTree(path);

    public void SetTimes(string path, DateTime createdUtc, DateTime modifiedUtc) => _inner.SetTimes(path, createdUtc, modifiedUtc);

    public void SetReadOnly(string path, bool readOnly) => Check(path, () => { _inner.SetReadOnly(path, readOnly); return 0; });

    private T Check<T>(string path, Func<T> action) =>
        string.Equals(Path.GetFullPath(path), Path.GetFullPath(lockedPath), StringComparison.Ordinal)
            ? throw new IOException($"The process cannot access the file '{path}' because it is being used by another process.")
            : action();
}
