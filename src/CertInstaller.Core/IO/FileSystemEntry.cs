namespace CertInstaller.Core.IO;

/// <summary>What a directory entry is. Links are never followed.</summary>
public enum FileSystemEntryKind
{
    /// <summary>A regular file.</summary>
    File = 1,

    /// <summary>A real directory (not a link to one).</summary>
    Directory = 2,

    /// <summary>A symbolic link, junction or other reparse point; its target is never read.</summary>
    Link = 3,
}

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
