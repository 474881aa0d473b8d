namespace CertInstaller.MsiE2E.Tests.Fixtures;

/// <summary>A certificates folder, file by file (relative paths with '/'), compared byte for byte.</summary>
public sealed class FolderState
{
    public FolderState(IDictionary<string, byte[]> files) =>
        this.Files = new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);

    public SortedDictionary<string, byte[]> Files { get; }

    public static FolderState Empty => new(new Dictionary<string, byte[]>());

    public static FolderState Read(string dir) => !Directory.Exists(dir)
        ? Empty
        : new(Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes));

    public void WriteTo(string dir)
    {
        foreach (var (rel, bytes) in this.Files)
        {
            var path = Path.Combine(dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>This state with <paramref name="top"/>'s files laid over it (top wins).</summary>
    public FolderState Overlay(FolderState top)
    {
        var d = new Dictionary<string, byte[]>(this.Files);
        foreach (var (k, v) in top.Files)
        {
            d[k] = v;
        }

        return new FolderState(d);
    }

    /// <summary>The differences from <paramref name="expected"/>, one line each; empty when byte-identical.</summary>
    public IReadOnlyList<string> DiffFrom(FolderState expected)
    {
        var diffs = new List<string>();
        foreach (var k in expected.Files.Keys.Union(this.Files.Keys).Order(StringComparer.Ordinal))
        {
            var inExpected = expected.Files.TryGetValue(k, out var e);
            var inActual = this.Files.TryGetValue(k, out var a);
            if (!inActual)
            {
                diffs.Add($"missing: {k}");
            }
            else if (!inExpected)
            {
                diffs.Add($"unexpected: {k}");
            }
            else if (!e!.AsSpan().SequenceEqual(a))
            {
                diffs.Add($"different bytes: {k}");
            }
        }

        return diffs;
    }
}
