using System.Security.Cryptography;

namespace CertInstaller.Core.Tests;

/// <summary>Byte-for-byte pictures of folders, for before/after assertions.</summary>
public static class FolderAssert
{
    /// <summary>Relative path ('/') → SHA-256 of every file under <paramref name="root"/>; empty when it does not exist.</summary>
    public static SortedDictionary<string, string> Picture(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return result;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(root, file).Replace('\\', '/')] = Hash(file);
        return result;
    }

    /// <summary>SHA-256 of one file, uppercase hex.</summary>
    public static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
