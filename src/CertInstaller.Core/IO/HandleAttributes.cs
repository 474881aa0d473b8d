using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CertInstaller.Core.IO;

/// <summary>
/// Times, read-only and mode set on an open handle, and the identity of a handle or an entry (device and inode), so a
/// privileged restore never changes a file through a path another account may have swapped for a link (OpenSSH's
/// sftp-server and sudoedit do the same with fchmod / futimens). Used by <see cref="PhysicalFileSystem"/> only.
/// </summary>
/// <remarks>
/// Linux: fchmod(2), futimens(2), statx(2) on the descriptor. Windows: SetFileInformationByHandle (FileBasicInfo) for
/// times and the read-only attribute; an ACL is applied by path (a FileStream opened for writing lacks WRITE_DAC), and
/// identities are not compared there (README, security). Other systems: by path, as before.
/// </remarks>
internal static class HandleAttributes
{
    /// <summary>Applies times, read-only and permissions to the file behind <paramref name="stream"/>.</summary>
    public static void Apply(FileStream stream, DateTime createdUtc, DateTime modifiedUtc, bool readOnly, string? permissions)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            Linux.Apply(stream.SafeFileHandle, stream.Name, modifiedUtc, readOnly, permissions);
            return;
        }
#endif
        if (Platform.IsWindows)
        {
            stream.Flush();

            // The ACL first, then times and the read-only attribute on the handle: Wine maps a new ACL onto the Unix
            // mode, which carries its read-only bit, so an ACL set last made a restored read-only file writable again.
            if (permissions is not null)
            {
                AccessControl.SetPermissions(stream.Name, permissions);
            }

            Windows.SetBasicInfo(stream.SafeFileHandle, stream.Name, createdUtc, modifiedUtc, readOnly);
            return;
        }

        // macOS and other Unix systems (not a platform CertInstaller ships for): by path.
        File.SetLastWriteTimeUtc(stream.Name, modifiedUtc);
        if (permissions is not null)
        {
            AccessControl.SetPermissions(stream.Name, permissions);
        }
    }

    /// <summary>"device:inode" of the file behind <paramref name="stream"/>, or null where this system does not compare.</summary>
    public static string? IdentityOf(FileStream stream)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            return Linux.Identity(stream.SafeFileHandle, stream.Name);
        }
#endif
        return null;
    }

    /// <summary>"device:inode" of the entry at <paramref name="path"/> (a link itself, not followed); null when nothing
    /// is there or this system does not compare.</summary>
    public static string? IdentityOf(string path)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            var identity = RegularFile.IdentityAt(path);
            return identity is { } id ? $"{id.Device}:{id.Inode}" : null;
        }
#endif
        return null;
    }

#if NET
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static class Linux
    {
        private const int AtEmptyPath = 0x1000;
        private const uint StatxIno = 0x100;
        private const long UtimeOmit = (1L << 30) - 2;

        public static void Apply(SafeFileHandle handle, string path, DateTime modifiedUtc, bool readOnly, string? permissions)
        {
            var fd = (int)handle.DangerousGetHandle();
            var mtime = new DateTimeOffset(DateTime.SpecifyKind(modifiedUtc, DateTimeKind.Utc));
            var ticks = mtime.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
            var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
            if (rest < 0)
            {
                seconds--;
                rest += TimeSpan.TicksPerSecond;
            }

            var times = new long[] { 0, UtimeOmit, seconds, rest * 100 }; // atime left as is; mtime as recorded
            if (futimens(fd, times) != 0)
            {
                throw Error("set the times of", path);
            }

            // Unix has no creation time to set. The mode goes last: it also carries the read-only bit.
            var octal = permissions is { Length: > 0 } && permissions.All(c => c >= '0' && c <= '7');
            var mode = octal ? Convert.ToInt32(permissions, 8) : readOnly ? 0x100 /* 0400 */ : -1;
            if (mode >= 0 && fchmod(fd, (uint)mode) != 0)
            {
                throw Error("set the mode of", path);
            }
        }

        public static string Identity(SafeFileHandle handle, string path)
        {
            var buffer = new byte[256];
            if (statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxIno, buffer) != 0)
            {
                throw Error("read the identity of", path);
            }

            var device = ((ulong)BitConverter.ToUInt32(buffer, 0x88) << 32) | BitConverter.ToUInt32(buffer, 0x8C);
            return $"{device}:{BitConverter.ToUInt64(buffer, 0x20)}";
        }

        private static IOException Error(string what, string path)
        {
            var errno = Marshal.GetLastPInvokeError();
            return new IOException($"Cannot {what} '{path}' through its handle: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }

#pragma warning disable SA1300, IDE1006, SYSLIB1054 // libc's names; DllImport keeps the netstandard2.0 build simple
        [DllImport("libc", SetLastError = true)]
        private static extern int fchmod(int fd, uint mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int futimens(int fd, long[] times);

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SA1300, IDE1006, SYSLIB1054
    }
#endif

    private static class Windows
    {
        private const int FileBasicInfoClass = 0;
        private const uint FileAttributeReadOnly = 0x1;
        private const uint FileAttributeNormal = 0x80;

        public static void SetBasicInfo(SafeFileHandle handle, string path, DateTime createdUtc, DateTime modifiedUtc, bool readOnly)
        {
            var info = new FileBasicInfo
            {
                CreationTime = DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc).ToFileTimeUtc(),
                LastWriteTime = DateTime.SpecifyKind(modifiedUtc, DateTimeKind.Utc).ToFileTimeUtc(),
                FileAttributes = readOnly ? FileAttributeReadOnly : FileAttributeNormal,
            };
            if (!SetFileInformationByHandle(handle, FileBasicInfoClass, ref info, (uint)Marshal.SizeOf<FileBasicInfo>()))
            {
                var error = Marshal.GetLastWin32Error();
                throw new IOException($"Cannot set the times and attributes of '{path}' through its handle (Win32 error {error}).");
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct FileBasicInfo
        {
            public long CreationTime;
            public long LastAccessTime;
            public long LastWriteTime;
            public long ChangeTime;
            public uint FileAttributes;
        }

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool SetFileInformationByHandle(SafeFileHandle handle, int informationClass, ref FileBasicInfo information, uint size);
    }
}
