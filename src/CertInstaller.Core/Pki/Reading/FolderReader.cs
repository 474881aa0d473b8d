namespace CertInstaller.Core.Pki.Reading;

/// <summary>Reads every file under a folder, recursively, in a stable (ordinal path) order, in parallel.</summary>
public sealed class FolderReader
{
    private readonly PkiReader _reader;

    /// <summary>A folder reader using <paramref name="reader"/> for each file.</summary>
    public FolderReader(PkiReader reader) => _reader = reader;

    /// <summary>The files under <paramref name="directory"/>, sorted by relative path; links are never followed.</summary>
    public static IReadOnlyList<SourceFile> Enumerate(string directory) => Walk(directory).Files;

    /// <summary>Reads every file under <paramref name="directory"/>, in <see cref="Enumerate"/> order; each link is a
    /// read error of its own (never followed, so a link cannot pull files from outside the folder or loop).</summary>
    public IReadOnlyList<(SourceFile File, ReadResult Result)> ReadAll(string directory)
    {
        var (files, links) = Walk(directory);
        return files.AsParallel().AsOrdered().Select(f => (f, _reader.ReadFile(f.FullPath))).ToList()
            .Concat(links.Select(l => (l, ReadResult.Failure(new ReadError(l.FullPath, ReadErrorCode.Link,
                "a symbolic link or junction is never followed", "replace the link with the real file")))))
            .OrderBy(r => r.Item1.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    private static (IReadOnlyList<SourceFile> Files, IReadOnlyList<SourceFile> Links) Walk(string directory)
    {
        var root = Path.GetFullPath(directory);
        var tree = IO.FolderTree.Walk(new IO.PhysicalFileSystem(), root, tolerant: false);
        return (tree.Files.Select(f => new SourceFile(f.Entry.FullPath, f.RelativePath)).ToList(),
                tree.Links.Select(l => new SourceFile(Path.Combine(root, l), l)).ToList());
    }
}
