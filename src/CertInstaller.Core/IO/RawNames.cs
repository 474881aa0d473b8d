using System.Runtime.InteropServices;
using System.Text;

namespace CertInstaller.Core.IO;

/// <summary>
/// The names of a directory as bytes (Linux readdir), for the one case .NET cannot carry: a name that is not valid UTF-8.
/// .NET decodes it with U+FFFD, and the decoded name opens nothing (the scan used to take such a file for a link and
/// leave it out of the snapshot, silently). <see cref="PhysicalFileSystem.List"/> asks here only when a listed name holds
/// U+FFFD, and reports each undecodable name as <see cref="FileSystemEntryKind.UnsupportedName"/>, which a backup refuses
/// naming the file (README: carrying such names byte for byte is not done).
/// </summary>
internal static class RawNames
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The names in <paramref name="directory"/> that are not valid UTF-8, as raw bytes; empty where the system
    /// has no raw listing (not Linux).</summary>
    public static IReadOnlyList<byte[]> InvalidUtf8Names(string directory)
    {
#if NET
        if (OperatingSystem.IsLinux())
        {
            return Linux.Names(directory).Where(n => !IsValidUtf8(n)).ToList();
        }
#endif
        return Array.Empty<byte[]>();
    }

    /// <summary>How .NET shows the name (invalid bytes as U+FFFD).</summary>
    public static string Lossy(byte[] name) => Encoding.UTF8.GetString(name);

    /// <summary>The name for messages: valid UTF-8 as is, every other byte as \xNN (as bash's $'...' quoting writes it).</summary>
    public static string Escaped(byte[] name)
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < name.Length)
        {
            var length = SequenceLength(name, i);
            if (length > 0)
            {
                text.Append(Encoding.UTF8.GetString(name, i, length));
                i += length;
            }
            else
            {
                text.Append("\\x").Append(name[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }
        }

        return text.ToString();
    }

    private static bool IsValidUtf8(byte[] name)
    {
        try
        {
            _ = Strict.GetString(name);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Length of the valid UTF-8 sequence at <paramref name="i"/>, or 0.</summary>
    private static int SequenceLength(byte[] bytes, int i)
    {
        for (var length = 1; length <= 4 && i + length <= bytes.Length; length++)
        {
            try
            {
                _ = Strict.GetString(bytes, i, length);
                return length;
            }
            catch (DecoderFallbackException)
            {
                // a longer sequence may still be valid
            }
        }

        return 0;
    }

#if NET
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static class Linux
    {
        private const int NameOffset = 19; // struct dirent64: d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name

        public static List<byte[]> Names(string directory)
        {
            var dir = opendir(directory);
            if (dir == IntPtr.Zero)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"Cannot list '{directory}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
            }

            try
            {
                var names = new List<byte[]>();
                IntPtr entry;
                while ((entry = readdir64(dir)) != IntPtr.Zero)
                {
                    var start = entry + NameOffset;
                    var length = 0;
                    while (Marshal.ReadByte(start, length) != 0)
                    {
                        length++;
                    }

                    var name = new byte[length];
                    Marshal.Copy(start, name, 0, length);
                    if (!(length == 1 && name[0] == (byte)'.') && !(length == 2 && name[0] == (byte)'.' && name[1] == (byte)'.'))
                    {
                        names.Add(name);
                    }
                }

                return names;
            }
            finally
            {
                _ = closedir(dir);
            }
        }

#pragma warning disable SA1300, IDE1006, SYSLIB1054 // libc's names; DllImport keeps the netstandard2.0 build simple
        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr opendir([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr readdir64(IntPtr dir);

        [DllImport("libc")]
        private static extern int closedir(IntPtr dir);
#pragma warning restore SA1300, IDE1006, SYSLIB1054
    }
#endif
}
