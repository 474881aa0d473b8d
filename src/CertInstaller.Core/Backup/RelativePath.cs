namespace CertInstaller.Core.Backup;

/// <summary>'/'-separated paths relative to a folder, and their safety check.</summary>
internal static class RelativePath
{
    public static string Combine(string root, string relativePath) =>
        Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>True when the path stays inside its folder: not rooted, no '..', '.', empty segment, backslash or drive.</summary>
    public static bool IsSafe(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.IndexOf('\\') >= 0 || relativePath.IndexOf(':') >= 0
            || relativePath.IndexOf('\0') >= 0 || relativePath.StartsWith("/", StringComparison.Ordinal))
        {
            return false;
        }

        return relativePath.Split('/').All(s => s.Length > 0 && s != "." && s != "..");
    }

    public static string? Parent(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? null : relativePath.Substring(0, slash);
    }
}
