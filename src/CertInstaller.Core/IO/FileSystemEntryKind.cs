namespace CertInstaller.Core.IO;

/// <summary>What a directory entry is. Links are never followed; FIFOs, sockets and devices are never opened.</summary>
/// <remarks>
/// What a scan does with each kind (the one walker is <see cref="FolderTree"/>):
/// <list type="bullet">
/// <item><see cref="File"/>: read (validate, digests), copied (backup).</item>
/// <item><see cref="Directory"/>: walked.</item>
/// <item><see cref="Link"/>: listed and reported, never followed (its target may be outside the folder, or a loop).</item>
/// <item><see cref="Fifo"/>, <see cref="Socket"/>, <see cref="Device"/>: listed and reported, never opened: opening a FIFO
/// blocks until a writer appears, a device can be endless (a zero device) or act on open. They hold no certificate.
/// Backup does not copy them, validate and digests report them, restore leaves them in place.</item>
/// <item><see cref="UnsupportedName"/>: a name that is not valid UTF-8 (Linux). Reported like the special kinds; a backup or
/// restore stops naming it (the snapshot could not carry it, and leaving it out would lose it silently).</item>
/// </list>
/// A scan refuses (before listing anything) a volume root or a system folder, see <see cref="FolderGuard"/>.
/// </remarks>
public enum FileSystemEntryKind
{
    /// <summary>A regular file.</summary>
    File = 1,

    /// <summary>A real directory (not a link to one).</summary>
    Directory = 2,

    /// <summary>A symbolic link, junction or other reparse point; its target is never read.</summary>
    Link = 3,

    /// <summary>A FIFO (named pipe, Unix): never opened.</summary>
    Fifo = 4,

    /// <summary>A Unix domain socket: never opened.</summary>
    Socket = 5,

    /// <summary>A character or block device (Unix): never opened.</summary>
    Device = 6,

    /// <summary>An entry whose name this system's file APIs cannot carry (Linux: not valid UTF-8): listed under its escaped
    /// name (invalid bytes as <c>\xNN</c>), never opened. A backup refuses it naming the file (CI10053), so it is never
    /// left out silently.</summary>
    UnsupportedName = 7,
}

/// <summary>Questions about a <see cref="FileSystemEntryKind"/>.</summary>
public static class FileSystemEntryKinds
{
    /// <summary>True for FIFOs, sockets, devices and names the system cannot carry: entries a scan lists and reports but never opens.</summary>
    public static bool IsSpecial(this FileSystemEntryKind kind) =>
        kind is FileSystemEntryKind.Fifo or FileSystemEntryKind.Socket or FileSystemEntryKind.Device or FileSystemEntryKind.UnsupportedName;

    /// <summary>"a FIFO (named pipe)", "a socket", ...: for messages.</summary>
    public static string Describe(this FileSystemEntryKind kind) => kind switch
    {
        FileSystemEntryKind.File => "a regular file",
        FileSystemEntryKind.Directory => "a directory",
        FileSystemEntryKind.Link => "a symbolic link or junction",
        FileSystemEntryKind.Fifo => "a FIFO (named pipe)",
        FileSystemEntryKind.Socket => "a socket",
        FileSystemEntryKind.Device => "a device file",
        FileSystemEntryKind.UnsupportedName => "a file whose name is not valid UTF-8",
        _ => "an entry of unknown kind",
    };
}
