using System.Runtime.InteropServices;

namespace CertInstaller.Core.IO;

/// <summary>
/// The few operating-system calls .NET does not offer: renames written through to disk (Windows), directory fsync and
/// file ownership (Unix). Used by <see cref="PhysicalFileSystem"/> only.
/// </summary>
internal static class NativeMethods
{
    private const int MoveFileReplaceExisting = 0x1;
    private const int MoveFileWriteThrough = 0x8;
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>Windows: MoveFileEx with MOVEFILE_WRITE_THROUGH, so the rename is on disk when the call returns.</summary>
    public static void MoveWriteThrough(string source, string destination, bool replace)
    {
        if (!MoveFileEx(Long(source), Long(destination), MoveFileWriteThrough | (replace ? MoveFileReplaceExisting : 0)))
        {
            var error = Marshal.GetLastWin32Error();
            throw new IOException($"Could not rename '{source}' to '{destination}' (Win32 error {error}).", Marshal.GetHRForLastWin32Error());
        }
    }

    /// <summary>Unix: fsync of a directory, so the entries created, renamed or deleted in it survive a power cut.</summary>
    public static void FsyncDirectory(string directory)
    {
        var fd = open(directory, 0); // O_RDONLY: enough to fsync a directory on Linux and macOS
        if (fd < 0)
        {
            throw new IOException($"Cannot open the directory '{directory}' to sync it (errno {Marshal.GetLastWin32Error()}).");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"Cannot sync the directory '{directory}' to disk (errno {Marshal.GetLastWin32Error()}).");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>The S_IFMT bits of a regular file.</summary>
    public const int RegularFileType = 0x8000;

    /// <summary>Unix: the file type bits (S_IFMT) of an entry, not following a link; null when it does not exist or where
    /// statx is unavailable (not Linux).</summary>
    public static int? FileTypeOf(string path)
    {
        try
        {
            var buffer = new byte[256];
            return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) == 0 ? BitConverter.ToUInt16(buffer, 28) & 0xF000 : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Unix: the owner's user id of an entry (not following a link), or null where statx is unavailable.</summary>
    public static uint? OwnerOf(string path)
    {
        try
        {
            var buffer = new byte[256];
            return statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) == 0 ? BitConverter.ToUInt32(buffer, 20) : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // not Linux (or an old libc): the mode alone decides
        }
    }

    /// <summary>Unix: who besides this account and root can change the entry (not following a link): another owner, or
    /// write for a group other than root's or for others without the sticky bit. Null when nobody, or where statx is
    /// unavailable (not Linux) and on Windows (not checked there: README security).</summary>
    public static OtherWriters? OtherWritersOf(string path)
    {
        if (Platform.IsWindows)
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                var errno = Marshal.GetLastWin32Error();
                throw new IOException($"Cannot read the owner and mode of '{path}' (errno {errno}).");
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        var owner = BitConverter.ToUInt32(buffer, 0x14);
        var group = BitConverter.ToUInt32(buffer, 0x18);
        var mode = BitConverter.ToUInt16(buffer, 0x1C) & 0xFFF;
        var sticky = (mode & 0x200) != 0;
        var groupWrite = (mode & 0x10) != 0 && group != 0;
        var otherWrite = (mode & 0x2) != 0;
        var otherOwner = owner != 0 && owner != EffectiveUser() ? owner : (uint?)null;
        var loose = (groupWrite || otherWrite) && !sticky ? Convert.ToString(mode, 8) : null;
        return otherOwner is null && loose is null ? null : new OtherWriters(otherOwner, loose);
    }

    /// <summary>Unix: this process's effective user id.</summary>
    public static uint EffectiveUser() => geteuid();

    /// <summary>Unix: rename(2), which replaces the destination atomically (netstandard2.0 has no File.Move overwrite).</summary>
    public static void Rename(string source, string destination)
    {
        if (rename(source, destination) != 0)
        {
            throw new IOException($"Could not rename '{source}' to '{destination}' (errno {Marshal.GetLastWin32Error()}).");
        }
    }

    /// <summary>Unix: chmod(2), for the netstandard2.0 build PowerShell 7 loads off Windows (File.SetUnixFileMode is net7+).</summary>
    public static void Chmod(string path, int mode)
    {
        if (chmod(path, (uint)mode) != 0)
        {
            throw new IOException($"Could not restrict access to '{path}' (chmod errno {Marshal.GetLastWin32Error()}); check that this account owns it.");
        }
    }

    private static string Long(string path) => path.Length >= 248 && !path.StartsWith(@"\\?\", StringComparison.Ordinal)
        ? (path.StartsWith(@"\\", StringComparison.Ordinal) ? @"\\?\UNC\" + path.Substring(2) : @"\\?\" + path)
        : path;

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true, EntryPoint = "MoveFileExW")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool MoveFileEx(string existingFileName, string newFileName, int flags);

#pragma warning disable SA1300, IDE1006 // libc's names
    [DllImport("libc", SetLastError = true)]
    private static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int rename(string oldPath, string newPath);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(string path, uint mode);
#pragma warning restore SA1300, IDE1006
}
