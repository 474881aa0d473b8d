using System.Security.Cryptography;
using System.Text;

namespace CertInstaller.TestSupport;

/// <summary>
/// A byte-for-byte picture of a folder, to assert it is exactly as it was: every file's bytes and every directory,
/// by relative path with '/', sorted ordinally. Links are never followed: a link is pictured as the file
/// "link-&gt;&lt;target&gt;", so a changed link target shows, and nothing outside the folder is read.
/// </summary>
public sealed class FolderPicture
{
    /// <summary>A picture of a folder that exists and holds exactly <paramref name="files"/> and <paramref name="directories"/>.</summary>
    public FolderPicture(IEnumerable<KeyValuePair<string, byte[]>> files, IEnumerable<string>? directories = null, bool exists = true)
    {
        Exists = exists;
        Files = new SortedDictionary<string, byte[]>(files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        Directories = new SortedSet<string>(directories ?? [], StringComparer.Ordinal);
    }

    /// <summary>Whether the folder existed.</summary>
    public bool Exists { get; }

    /// <summary>Relative path → bytes of every file (and link, see the type's summary).</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>Relative path of every directory, empty ones included.</summary>
    public IReadOnlyCollection<string> Directories { get; }

    /// <summary>Relative path → SHA-256 (lowercase hex) of every file; compares with <c>Is.EqualTo</c>.</summary>
    public SortedDictionary<string, string> Hashes => new(Files.ToDictionary(f => f.Key, f => Sha(f.Value), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The picture of a folder that does not exist.</summary>
    public static FolderPicture Missing => new([], null, exists: false);

    /// <summary>Pictures <paramref name="root"/> now; a missing folder gives <see cref="Missing"/>.</summary>
    public static FolderPicture Of(string root)
    {
        if (!Directory.Exists(root))
        {
            return Missing;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var directories = new List<string>();
        Walk(root, root, files, directories);
        return new FolderPicture(files, directories);
    }

    /// <summary>SHA-256 of <paramref name="bytes"/>, lowercase hex (the manifests' form).</summary>
    public static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>SHA-256 of one file's bytes, lowercase hex.</summary>
    public static string HashFile(string path) => Sha(File.ReadAllBytes(path));

    /// <summary>SHA-256 of every file under <paramref name="root"/> (links not followed), to ask whether some content is kept anywhere there.</summary>
    public static HashSet<string> ContentUnder(string root) => Of(root).Files.Values.Select(Sha).ToHashSet(StringComparer.Ordinal);

    /// <summary>Same existence, files (bytes) and directories.</summary>
    public bool SameAs(FolderPicture other) =>
        Exists == other.Exists
        && Files.Count == other.Files.Count
        && Files.All(f => other.Files.TryGetValue(f.Key, out var b) && b.AsSpan().SequenceEqual(f.Value))
        && Directories.SequenceEqual(other.Directories);

    /// <summary>The differences in files from <paramref name="expected"/> (directories aside), one line each; empty when the files are byte-identical.</summary>
    public IReadOnlyList<string> DiffFrom(FolderPicture expected)
    {
        var diffs = new List<string>();
        foreach (var key in expected.Files.Keys.Union(Files.Keys).Order(StringComparer.Ordinal))
        {
            var inExpected = expected.Files.TryGetValue(key, out var e);
            if (!Files.TryGetValue(key, out var a))
            {
                diffs.Add($"missing: {key}");
            }
            else if (!inExpected)
            {
                diffs.Add($"unexpected: {key}");
            }
            else if (!e!.AsSpan().SequenceEqual(a))
            {
                diffs.Add($"different bytes: {key}");
            }
        }

        return diffs;
    }

    /// <summary>This picture with <paramref name="top"/>'s files laid over it (top wins).</summary>
    public FolderPicture Overlay(FolderPicture top)
    {
        var files = new Dictionary<string, byte[]>(Files, StringComparer.Ordinal);
        foreach (var (key, value) in top.Files)
        {
            files[key] = value;
        }

        return new FolderPicture(files, Directories.Union(top.Directories, StringComparer.Ordinal), Exists || top.Exists);
    }

    /// <summary>Writes the pictured files under <paramref name="root"/> (creating folders; existing files are overwritten).</summary>
    public void WriteTo(string root)
    {
        foreach (var (relative, bytes) in Files)
        {
            var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>One line for an assertion message: existence, each file with the start of its hash, each directory.</summary>
    public string Describe() =>
        $"exists={Exists}; files=[{string.Join(", ", Files.Select(f => f.Key + ":" + Sha(f.Value)[..8]))}]; dirs=[{string.Join(", ", Directories)}]";

    private static void Walk(string root, string directory, Dictionary<string, byte[]> files, List<string> directories)
    {
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
            if (info.LinkTarget is not null || (info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                files[relative] = Encoding.UTF8.GetBytes("link->" + info.LinkTarget);
            }
            else if (info is DirectoryInfo)
            {
                directories.Add(relative);
                Walk(root, info.FullName, files, directories);
            }
            else
            {
                files[relative] = File.ReadAllBytes(info.FullName);
            }
        }
    }
}
