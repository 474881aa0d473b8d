namespace CertInstaller.Core.Backup;

/// <summary>'/'-separated paths relative to a folder, and their safety check.</summary>
internal static class RelativePath
{
    public static string Combine(string root, string relativePath) =>
        Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>True when the path stays inside its folder: not rooted, no '..', '.', empty segment or NUL; on Windows also
    /// no backslash or ':' (a separator, a drive or a stream there). On Linux '\\' and ':' are ordinary name characters, so
    /// a file named <c>a:b</c> or <c>a\\b</c> is backed up like any other.</summary>
    public static bool IsSafe(string relativePath) => IsSafe(relativePath, IO.Platform.IsWindows);

    /// <summary><see cref="IsSafe(string)"/> for the rules of Windows (<paramref name="windows"/>) or of Unix.</summary>
    public static bool IsSafe(string relativePath, bool windows)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.IndexOf('\0') >= 0 || relativePath.StartsWith("/", StringComparison.Ordinal)
            || (windows && (relativePath.IndexOf('\\') >= 0 || relativePath.IndexOf(':') >= 0)))
        {
            return false;
        }

        return relativePath.Split('/').All(s => s.Length > 0 && s != "." && s != "..");
    }

    /// <summary>True when the path is safe by Unix's rules but holds a character Windows cannot have in a name ('\\', ':').</summary>
    public static bool OnlyWindowsRefuses(string relativePath) => IsSafe(relativePath, windows: false) && !IsSafe(relativePath, windows: true);

    public static string? Parent(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? null : relativePath.Substring(0, slash);
    }
}
