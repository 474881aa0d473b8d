namespace CertInstaller.Core.IO;

/// <summary>One entry of a directory, read without following links.</summary>
/// <param name="FullPath">Absolute path of the entry.</param>
/// <param name="Kind">File, directory or link.</param>
/// <param name="Length">Size in bytes (files only; 0 otherwise).</param>
/// <param name="CreatedUtc">Creation time, UTC.</param>
/// <param name="ModifiedUtc">Last write time, UTC.</param>
/// <param name="IsReadOnly">Whether the read-only attribute is set.</param>
public sealed record FileSystemEntry(
    string FullPath,
    FileSystemEntryKind Kind,
    long Length,
    DateTime CreatedUtc,
    DateTime ModifiedUtc,
    bool IsReadOnly)
{
    /// <summary>The last path segment.</summary>
    public string Name => Path.GetFileName(FullPath);
}
