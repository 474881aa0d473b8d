using CertInstaller.Core.Backup;

namespace CertInstaller.Core.IO;

/// <summary>
/// Refuses to scan a volume root or a system folder: <c>CertDir=/</c> would walk /dev and /proc (devices, endless files)
/// and back up the whole system. Checked by <see cref="FolderTree.Walk"/> before anything is listed, so every scan
/// (backup, restore, validate, digests, preserve) refuses alike.
/// </summary>
/// <remarks>
/// Refused: a volume root (<c>/</c>, <c>C:\</c>, <c>\\server\share</c>); the top-level system folders (<c>/etc</c>,
/// <c>/usr</c>, <c>/var</c>, <c>/home</c>, <c>/tmp</c>, ...; <c>C:\Windows</c>, <c>C:\Program Files</c>, <c>C:\ProgramData</c>,
/// <c>C:\Users</c>) themselves; anything inside <c>/proc</c>, <c>/sys</c>, <c>/dev</c> (pseudo file systems) or the Windows
/// folder. Folders below the others (<c>/etc/ssl/certs</c>, <c>C:\ProgramData\CertInstaller</c>) are fine. Links in the
/// path are resolved first, so a link to <c>/</c> is refused too.
/// </remarks>
public static class FolderGuard
{
    private static readonly string[] UnixTopLevel =
    [
        "/bin", "/boot", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt", "/opt", "/root", "/run",
        "/sbin", "/srv", "/tmp", "/usr", "/var", "/private", "/System", "/Library", "/Users", "/Volumes", "/Applications",
    ];

    private static readonly string[] UnixPseudo = ["/proc", "/sys", "/dev"];

    /// <summary>Throws when <paramref name="folder"/> must not be scanned.</summary>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.FolderUnsafe"/>, naming the folder and the fix.</exception>
    public static void Check(string folder)
    {
        if (WhyUnsafe(folder) is { } why)
        {
            throw new BackupException(
                BackupErrorCode.FolderUnsafe,
                folder,
                $"'{folder}' is {why}. CertInstaller never scans a volume root or a system folder (it would read devices and the whole system), so nothing was read or changed.",
                "Give the certificates folder itself, e.g. D:\\I3\\IC\\Certificates.");
        }
    }

    /// <summary>Why <paramref name="folder"/> must not be scanned, or null when it may be.</summary>
    public static string? WhyUnsafe(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        string full;
        try
        {
            full = Trim(Path.GetFullPath(folder));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null; // not a usable path at all; the caller's own open reports it
        }

        var why = WhyUnsafeLexically(full);
        if (why is null && Resolve(full) is { } real && !Same(real, full))
        {
            why = WhyUnsafeLexically(real) is { } target ? $"a link to {real}, which is {target}" : null;
        }

        return why;
    }

    private static string? WhyUnsafeLexically(string full)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        if (full.Length == 0 || Same(full, Trim(root)) || Same(full, root))
        {
            return "the root of the volume";
        }

        if (Platform.IsWindows)
        {
            var windows = Environment.GetFolderPath(Environment.SpecialFolder.Windows);
            if (windows.Length > 0 && (Same(full, windows) || Inside(full, windows)))
            {
                return $"the Windows folder or inside it ({windows})";
            }

            foreach (var special in new[]
                     {
                         Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86,
                         Environment.SpecialFolder.CommonApplicationData, Environment.SpecialFolder.CommonProgramFiles,
                     })
            {
                var path = Environment.GetFolderPath(special);
                if (path.Length > 0 && Same(full, Trim(path)))
                {
                    return "a system folder";
                }
            }

            var users = Path.GetDirectoryName(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
            return users is { Length: > 0 } && Same(full, Trim(users)) ? "a system folder (the folder of all user profiles)" : null;
        }

        foreach (var pseudo in UnixPseudo)
        {
            if (Same(full, pseudo) || Inside(full, pseudo))
            {
                return $"a system folder or inside one ({pseudo}, which holds devices and kernel files)";
            }
        }

        return UnixTopLevel.Any(t => Same(full, t)) ? "a system folder" : null;
    }

    /// <summary>The path with every link in it resolved (net10.0; the netstandard2.0 build checks the path as given).</summary>
    private static string? Resolve(string full)
    {
#if NET
        try
        {
            var separators = new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
            var root = Path.GetPathRoot(full) ?? string.Empty;
            var rest = new Stack<string>(full.Substring(root.Length).Split(separators, StringSplitOptions.RemoveEmptyEntries).Reverse());
            var current = root;
            var hops = 0;
            while (rest.Count > 0)
            {
                var next = Path.Combine(current, rest.Pop());
                var target = new FileInfo(next).LinkTarget;
                if (target is null)
                {
                    current = next;
                    continue;
                }

                if (++hops > 40)
                {
                    return null; // a loop: the scan itself never follows it
                }

                var absolute = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                current = Path.GetPathRoot(absolute) ?? string.Empty;
                foreach (var part in absolute.Substring(current.Length).Split(separators, StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    rest.Push(part);
                }
            }

            return Trim(current);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
#else
        return null;
#endif
    }

    private static string Trim(string path)
    {
        var trimmed = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? path : trimmed;
    }

    private static bool Same(string a, string b) =>
        string.Equals(Trim(a), Trim(b), Platform.IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static bool Inside(string path, string folder) =>
        path.StartsWith(Trim(folder) + Path.DirectorySeparatorChar, Platform.IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
