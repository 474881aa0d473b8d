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
