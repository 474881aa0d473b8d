using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// The real file system, except that one file behaves as if another process held it open: it cannot be
/// renamed over, deleted or changed, and (unless <paramref name="readable"/>) not read either.
/// </summary>
internal sealed class LockedFileSystem(string lockedPath, bool readable = false) : DelegatingFileSystem(new PhysicalFileSystem())
{
    public override Stream OpenRead(string path) => readable ? Inner.OpenRead(path) : Check(path, () => Inner.OpenRead(path));

    public override void MoveFile(string source, string destination, bool overwrite) =>
        Check(destination, () => Check(source, () => { Inner.MoveFile(source, destination, overwrite); return 0; }));

    public override void DeleteFile(string path) => Check(path, () => { Inner.DeleteFile(path); return 0; });

    public override void SetReadOnly(string path, bool readOnly) => Check(path, () => { Inner.SetReadOnly(path, readOnly); return 0; });

    private T Check<T>(string path, Func<T> action) =>
        string.Equals(Path.GetFullPath(path), Path.GetFullPath(lockedPath), StringComparison.Ordinal)
            ? throw new IOException($"The process cannot access the file '{path}' because it is being used by another process.")
            : action();
}
