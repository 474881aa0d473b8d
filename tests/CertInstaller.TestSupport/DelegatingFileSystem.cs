using CertInstaller.Core.IO;

namespace CertInstaller.TestSupport;

/// <summary>The one delegating base of the tests' file-system decorators (faults, locked files, races): every member
/// forwards to the inner file system; a decorator overrides what it changes.</summary>
public abstract class DelegatingFileSystem(IFileSystem inner) : IFileSystem
{
    protected IFileSystem Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public virtual StringComparer PathComparer => Inner.PathComparer;
    public virtual FileSystemEntry? GetEntry(string path) => Inner.GetEntry(path);
    public virtual IReadOnlyList<FileSystemEntry> List(string directory) => Inner.List(directory);
    public virtual Stream OpenRead(string path) => Inner.OpenRead(path);
    public virtual Stream CreateNew(string path, bool privateAccess) => Inner.CreateNew(path, privateAccess);
    public virtual Stream OpenOwnFileForAppend(string path) => Inner.OpenOwnFileForAppend(path);
    public virtual void CreateDirectory(string path, bool privateAccess) => Inner.CreateDirectory(path, privateAccess);
    public virtual void MakePrivate(string path) => Inner.MakePrivate(path);
    public virtual void MoveFile(string source, string destination, bool overwrite) => Inner.MoveFile(source, destination, overwrite);
    public virtual void MoveDirectory(string source, string destination) => Inner.MoveDirectory(source, destination);
    public virtual void DeleteFile(string path) => Inner.DeleteFile(path);
    public virtual void DeleteEmptyDirectory(string path) => Inner.DeleteEmptyDirectory(path);
    public virtual void DeleteDirectoryTree(string path) => Inner.DeleteDirectoryTree(path);
    public virtual void SetTimes(string path, DateTime createdUtc, DateTime modifiedUtc) => Inner.SetTimes(path, createdUtc, modifiedUtc);
    public virtual void SetReadOnly(string path, bool readOnly) => Inner.SetReadOnly(path, readOnly);
    public virtual void FlushToDisk(Stream stream) => Inner.FlushToDisk(stream);
    public virtual void SyncDirectory(string directory) => Inner.SyncDirectory(directory);
    public virtual string? GetPermissions(string path) => Inner.GetPermissions(path);
    public virtual void SetPermissions(string path, string permissions) => Inner.SetPermissions(path, permissions);
    public virtual bool IsPrivate(string path) => Inner.IsPrivate(path);
    public virtual string ResolveLinks(string path) => Inner.ResolveLinks(path);
    public virtual void ApplyAttributesOnHandle(Stream stream, DateTime createdUtc, DateTime modifiedUtc, bool readOnly, string? permissions) => Inner.ApplyAttributesOnHandle(stream, createdUtc, modifiedUtc, readOnly, permissions);
    public virtual string? IdentityOfHandle(Stream stream) => Inner.IdentityOfHandle(stream);
    public virtual string? IdentityOfEntry(string path) => Inner.IdentityOfEntry(path);
    public virtual OtherWriters? OtherWritersOf(string path) => Inner.OtherWritersOf(path);
    public virtual Stream CreateNewOwnerOnly(string path) => Inner.CreateNewOwnerOnly(path);
    public virtual IReadOnlyList<string> BroadReadersOf(string path) => Inner.BroadReadersOf(path);
}
