using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CertInstaller.Core.IO;

/// <summary>
/// Opens a file for reading only when it is a regular file, so a FIFO, socket or device in a scanned folder can neither
/// hang a read nor feed it endless data. The kind is checked without following a link before the open (lstat); the
/// open itself never blocks (O_NONBLOCK, O_NOCTTY) and, for scans, does not follow a link (O_NOFOLLOW); after the open
/// the handle is checked again (fstat: a regular file, and the same device and inode as at the check), so an entry
/// swapped between the check and the open is refused, not read.
/// </summary>
/// <remarks>
/// Linux: statx(2) and open(2) from libc. Windows: FIFOs, sockets and devices cannot sit in a folder; a handle that is
/// not a disk file (GetFileType) is refused after the open. Other systems: a plain open (no kind check).
/// </remarks>
internal static class RegularFile
{
    /// <summary>The buffer size of the streams this class opens.</summary>
    public const int DefaultBufferSize = 81920;

    /// <summary>What <paramref name="path"/> is, without following a link; null when it does not exist or this system
    /// cannot tell special files apart (only Linux can; Windows has none in folders).</summary>
    public static FileSystemEntryKind? KindOf(string path)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            return Linux.Stat(path, followLinks: false) is { } status ? status.Kind : null;
        }
#endif
        return null;
    }

    /// <summary>Opens <paramref name="path"/> for reading (others may read and delete it meanwhile).</summary>
    /// <param name="path">The file.</param>
    /// <param name="followLinks">False for files found by a scan: a link is refused, never followed. True for a path
    /// an administrator named: a link is followed, but what it points to must be a regular file.</param>
    /// <param name="bufferSize">The stream's buffer size.</param>
    /// <exception cref="NotRegularFileException">The path is not a regular file, or was replaced while being opened.</exception>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    public static FileStream OpenRead(string path, bool followLinks = false, int bufferSize = DefaultBufferSize)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            return Linux.Open(path, Probe(path, followLinks), followLinks, bufferSize);
        }
#endif
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize);
        if (Platform.IsWindows && !Windows.IsDiskFile(stream.SafeFileHandle))
        {
            stream.Dispose();
            throw new NotRegularFileException(path, FileSystemEntryKind.Device, replaced: false);
        }

        return stream;
    }

    /// <summary>The check half of <see cref="OpenRead"/>: what the open must find again (null where the system cannot tell).</summary>
    /// <exception cref="NotRegularFileException">The path is not a regular file.</exception>
    internal static FileIdentity? Probe(string path, bool followLinks)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            var status = Linux.Stat(path, followLinks) ?? throw new FileNotFoundException($"Could not find file '{path}'.", path);
            return status.Kind == FileSystemEntryKind.File ? status.Identity : throw new NotRegularFileException(path, status.Kind, replaced: false);
        }
#endif
        return null;
    }

    /// <summary>The open half of <see cref="OpenRead"/>, given what <see cref="Probe"/> found (tests call the halves
    /// apart to swap the entry in between).</summary>
    internal static FileStream OpenProbed(string path, FileIdentity? expected, bool followLinks, int bufferSize = DefaultBufferSize)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            return Linux.Open(path, expected, followLinks, bufferSize);
        }
#endif
        return OpenRead(path, followLinks, bufferSize);
    }

#if NET
    /// <summary>Device and inode of the entry at <paramref name="path"/>, not following a link (Linux; null elsewhere or when missing).</summary>
    internal static FileIdentity? IdentityAt(string path) => OperatingSystem.IsLinux() ? Linux.Stat(path, followLinks: false)?.Identity : null;
#endif

    /// <summary>
    /// Opens <paramref name="path"/> for appending, creating it owner-only (0600) when missing, and never through a link:
    /// the open does not follow one (O_NOFOLLOW; FILE_FLAG_OPEN_REPARSE_POINT on Windows), and the handle must then be a
    /// regular file with no other hard link and, on Linux, owned by this account. An existing file with group or other
    /// bits is tightened to 0600 through the handle (fchmod), never by path.
    /// </summary>
    /// <exception cref="OutputFileRefusedException">A link, someone else's file, a file with other hard links or a special file sits at the path.</exception>
    public static FileStream OpenOwnForAppend(string path)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            return Linux.OpenAppend(path);
        }
#endif
        if (Platform.IsWindows)
        {
            return Windows.OpenAppend(path);
        }

        // Other systems: refuse a link seen before the open.
        if (new FileInfo(path) is { Exists: true } info && (info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            throw OutputFileRefusedException.Link(path);
        }

        // netstandard2.0 off Windows (the PowerShell module in pwsh on Linux) and macOS: anything but a regular file at the
        // path is refused before the open, which would block for ever on a FIFO (an open for writing waits for a reader);
        // then append, and make the file owner-only by path.
        if (NativeMethods.FileTypeOf(path) is { } type && type != NativeMethods.RegularFileType)
        {
            throw OutputFileRefusedException.NotOwn(path, "not a regular file");
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        AccessControl.MakePrivate(path, isDirectory: false);
        return stream;
    }

    /// <summary>Device and inode: the same pair at the check and at the open means the same file.</summary>
    internal readonly record struct FileIdentity(ulong Device, ulong Inode);

    private readonly record struct Status(FileSystemEntryKind Kind, FileIdentity Identity);

#if NET
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static class Linux
    {
        private const int AtFdCwd = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const int AtEmptyPath = 0x1000;
        private const uint StatxType = 0x1;
        private const uint StatxIno = 0x100;
        private const uint StatxMode = 0x2;
        private const uint StatxNlink = 0x4;
        private const uint StatxUid = 0x8;
        private const int OpenReadOnly = 0;
        private const int OpenNoCtty = 0x100;
        private const int OpenNonBlock = 0x800;
        private const int OpenCloseOnExec = 0x80000;
        private const int FcntlGetFlags = 3;
        private const int FcntlSetFlags = 4;
        private const int ErrorNoEntry = 2;
        private const int ErrorAccess = 13;
        private const int ErrorLoop = 40;

        // O_NOFOLLOW differs between architectures (asm-generic 0400000; arm, arm64, powerpc 0100000). Where it is not
        // known the device/inode check after the open still refuses a link swapped in.
        private static readonly int OpenNoFollow = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 or Architecture.X86 or Architecture.RiscV64 or Architecture.LoongArch64 or Architecture.S390x => 0x20000,
            Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le => 0x8000,
            _ => 0,
        };

        public static Status? Stat(string path, bool followLinks)
        {
            var buffer = new byte[256];
            if (statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxIno, buffer) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == ErrorNoEntry || errno == 20 /* ENOTDIR */)
                {
                    return null;
                }

                throw Error(path, errno);
            }

            return Parse(buffer);
        }

        public static FileStream Open(string path, FileIdentity? expected, bool followLinks, int bufferSize)
        {
            var fd = open(path, OpenReadOnly | OpenNonBlock | OpenNoCtty | OpenCloseOnExec | (followLinks ? 0 : OpenNoFollow));
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw errno == ErrorLoop && !followLinks
                    ? new NotRegularFileException(path, FileSystemEntryKind.Link, replaced: expected is not null)
                    : Error(path, errno);
            }

            var handle = new SafeFileHandle(new IntPtr(fd), ownsHandle: true);
            try
            {
                var buffer = new byte[256];
                if (statx(fd, string.Empty, AtEmptyPath, StatxType | StatxIno, buffer) != 0)
                {
                    throw Error(path, Marshal.GetLastPInvokeError());
                }

                var status = Parse(buffer);
                if (status.Kind != FileSystemEntryKind.File || (expected is { } identity && identity != status.Identity))
                {
                    throw new NotRegularFileException(path, status.Kind, replaced: true);
                }

                // A regular file ignores O_NONBLOCK, but a stream over the handle must not take it for an async one.
                var flags = fcntl(fd, FcntlGetFlags, 0);
                if (flags >= 0)
                {
                    _ = fcntl(fd, FcntlSetFlags, flags & ~OpenNonBlock);
                }

                return new FileStream(handle, FileAccess.Read, bufferSize);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        public static FileStream OpenAppend(string path)
        {
            const int OpenWriteOnly = 1;
            const int OpenCreate = 0x40;
            const int OpenAppendFlag = 0x400;
            const uint OwnerReadWrite = 0x180; // 0600
            const int ErrorNoDevice = 6; // ENXIO: a FIFO without a reader
            if (OpenNoFollow == 0)
            {
                // Without a known O_NOFOLLOW a link could be followed at the open: refuse one seen before it.
                if (Stat(path, followLinks: false) is { Kind: FileSystemEntryKind.Link })
                {
                    throw OutputFileRefusedException.Link(path);
                }
            }

            var fd = open(path, OpenWriteOnly | OpenCreate | OpenAppendFlag | OpenNoFollow | OpenNonBlock | OpenNoCtty | OpenCloseOnExec, OwnerReadWrite);
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw errno switch
                {
                    ErrorLoop => OutputFileRefusedException.Link(path),
                    ErrorNoDevice => OutputFileRefusedException.NotOwn(path, "a FIFO"),
                    21 /* EISDIR */ => OutputFileRefusedException.NotOwn(path, "a directory"),
                    _ => Error(path, errno),
                };
            }

            var handle = new SafeFileHandle(new IntPtr(fd), ownsHandle: true);
            try
            {
                var buffer = new byte[256];
                if (statx(fd, string.Empty, AtEmptyPath, StatxType | StatxMode | StatxNlink | StatxUid | StatxIno, buffer) != 0)
                {
                    throw Error(path, Marshal.GetLastPInvokeError());
                }

                var status = Parse(buffer);
                var links = BitConverter.ToUInt32(buffer, 0x10);
                var owner = BitConverter.ToUInt32(buffer, 0x14);
                var mode = BitConverter.ToUInt16(buffer, 0x1C) & 0xFFF;
                if (status.Kind != FileSystemEntryKind.File)
                {
                    throw OutputFileRefusedException.NotOwn(path, status.Kind.Describe());
                }

                if (owner != geteuid())
                {
                    throw OutputFileRefusedException.NotOwn(path, $"a file owned by another account (uid {owner})");
                }

                if (links != 1)
                {
                    throw OutputFileRefusedException.NotOwn(path, $"a file with {links} hard links (another name of it may be someone else's file)");
                }

                if ((mode & 0x3F) != 0 && fchmod(fd, OwnerReadWrite) != 0)
                {
                    throw Error(path, Marshal.GetLastPInvokeError());
                }

                var flags = fcntl(fd, FcntlGetFlags, 0);
                if (flags >= 0)
                {
                    _ = fcntl(fd, FcntlSetFlags, flags & ~OpenNonBlock);
                }

                var stream = new FileStream(handle, FileAccess.Write, 4096);
                stream.Seek(0, SeekOrigin.End);
                return stream;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        private static Status Parse(byte[] statx)
        {
            var mode = BitConverter.ToUInt16(statx, 0x1C);
            var kind = (mode & 0xF000) switch
            {
                0x8000 => FileSystemEntryKind.File,
                0x4000 => FileSystemEntryKind.Directory,
                0xA000 => FileSystemEntryKind.Link,
                0x1000 => FileSystemEntryKind.Fifo,
                0xC000 => FileSystemEntryKind.Socket,
                _ => FileSystemEntryKind.Device, // 0x2000 character, 0x6000 block
            };
            var device = ((ulong)BitConverter.ToUInt32(statx, 0x88) << 32) | BitConverter.ToUInt32(statx, 0x8C);
            return new Status(kind, new FileIdentity(device, BitConverter.ToUInt64(statx, 0x20)));
        }

        private static Exception Error(string path, int errno) => errno switch
        {
            ErrorNoEntry => new FileNotFoundException($"Could not find file '{path}'.", path),
            ErrorAccess or 1 /* EPERM */ => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
            21 /* EISDIR */ => new NotRegularFileException(path, FileSystemEntryKind.Directory, replaced: false),
            _ => new IOException($"Cannot open '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})."),
        };

#pragma warning disable SA1300, IDE1006, SYSLIB1054 // libc's names; DllImport keeps the netstandard2.0 build simple
        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fcntl(int fd, int command, int argument);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int fchmod(int fd, uint mode);

        [DllImport("libc")]
        private static extern uint geteuid();
#pragma warning restore SA1300, IDE1006, SYSLIB1054
    }
#endif

    private static class Windows
    {
        private const int FileTypeDisk = 1;
        private const uint GenericWrite = 0x40000000;
        private const uint ReadAttributes = 0x80;
        private const uint Synchronize = 0x100000;
        private const uint ShareRead = 0x1;
        private const uint OpenAlways = 4;
        private const uint FlagOpenReparsePoint = 0x200000;
        private const int ErrorAlreadyExists = 183;

        public static bool IsDiskFile(SafeFileHandle handle) => GetFileType(handle) == FileTypeDisk;

        // The handle is opened on the entry itself, a reparse point (symbolic link, junction) included, and refused when
        // it is one; no other process may delete or rename it while it is open (no FILE_SHARE_DELETE), so making a new
        // log private by its path reaches this very file.
        public static FileStream OpenAppend(string path)
        {
            var handle = CreateFile(path, GenericWrite | ReadAttributes | Synchronize, ShareRead, IntPtr.Zero, OpenAlways, FlagOpenReparsePoint, IntPtr.Zero);
            var error = Marshal.GetLastWin32Error();
            if (handle.IsInvalid)
            {
                handle.Dispose();
                throw error == 5 ? new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
                    : new IOException($"Cannot open '{path}' (Win32 error {error}).");
            }

            try
            {
                var created = error != ErrorAlreadyExists;
                if (!GetFileInformationByHandle(handle, out var info))
                {
                    throw new IOException($"Cannot read what '{path}' is (Win32 error {Marshal.GetLastWin32Error()}).");
                }

                if ((info.Attributes & (uint)FileAttributes.ReparsePoint) != 0)
                {
                    throw OutputFileRefusedException.Link(path);
                }

                if ((info.Attributes & (uint)FileAttributes.Directory) != 0 || !IsDiskFile(handle))
                {
                    throw OutputFileRefusedException.NotOwn(path, "a directory or a device");
                }

                if (info.Links != 1)
                {
                    throw OutputFileRefusedException.NotOwn(path, $"a file with {info.Links} hard links (another name of it may be someone else's file)");
                }

                if (created)
                {
                    AccessControl.MakePrivate(path, isDirectory: false);
                }

                var stream = new FileStream(handle, FileAccess.Write, 4096);
                stream.Seek(0, SeekOrigin.End);
                return stream;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        // BY_HANDLE_FILE_INFORMATION: FILETIMEs are two DWORDs, aligned to 4.
        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct FileInformation
        {
            public uint Attributes;
            public long CreationTime;
            public long LastAccessTime;
            public long LastWriteTime;
            public uint VolumeSerialNumber;
            public uint SizeHigh;
            public uint SizeLow;
            public uint Links;
            public uint IndexHigh;
            public uint IndexLow;
        }

        [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true, EntryPoint = "CreateFileW")]
        private static extern SafeFileHandle CreateFile(string name, uint access, uint share, IntPtr security, uint disposition, uint flags, IntPtr template);

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetFileInformationByHandle(SafeFileHandle handle, out FileInformation information);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern int GetFileType(SafeFileHandle handle);
    }
}
