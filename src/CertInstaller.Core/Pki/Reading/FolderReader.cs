namespace CertInstaller.Core.Pki.Reading;

/// <summary>Reads every file under a folder, recursively, in a stable (ordinal path) order, in parallel.</summary>
public sealed class FolderReader
{
    private readonly PkiReader _reader;

    /// <summary>A folder reader using <paramref name="reader"/> for each file.</summary>
    public FolderReader(PkiReader reader) => _reader = reader;

    /// <summary>The files under <paramref name="directory"/>, sorted by relative path.</summary>
    public static IReadOnlyList<SourceFile> Enumerate(string directory)
    {
        var root = Path.GetFullPath(directory);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new SourceFile(f, f.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/')))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads every file under <paramref name="directory"/>; results are in <see cref="Enumerate"/> order.</summary>
    public IReadOnlyList<(SourceFile File, ReadResult Result)> ReadAll(string directory) =>
        Enumerate(directory).AsParallel().AsOrdered().Select(f => (f, _reader.ReadFile(f.FullPath))).ToList();
}
