namespace CertInstaller.Core.Pki.Reading;

/// <summary>Reads every file under a folder, recursively, in a stable (ordinal path) order, in parallel.</summary>
public sealed class FolderReader
{
    private readonly PkiReader _reader;

    /// <summary>A folder reader using <paramref name="reader"/> for each file.</summary>
    public FolderReader(PkiReader reader) => _reader = reader;

    /// <summary>The files under <paramref name="directory"/>, sorted by relative path; links are never followed.</summary>
    public static IReadOnlyList<SourceFile> Enumerate(string directory) =>
        Walk(directory, out _).Files.Select(f => new SourceFile(f.Entry.FullPath, f.RelativePath)).ToList();

    /// <summary>Reads every file under <paramref name="directory"/>, in <see cref="Enumerate"/> order; each link, FIFO, socket
    /// or device is a read error of its own, never opened (so a link cannot pull files from outside the folder or loop, and
    /// a FIFO cannot hang the scan).</summary>
    public IReadOnlyList<(SourceFile File, ReadResult Result)> ReadAll(string directory)
    {
        var tree = Walk(directory, out var root);
        var files = tree.Files.Select(f => new SourceFile(f.Entry.FullPath, f.RelativePath)).ToList();
        var notOpened = tree.Links.Select(l => (l, IO.FileSystemEntryKind.Link))
            .Concat(tree.Special)
            .Select(s => (File: new SourceFile(Path.Combine(root, s.Item1), s.Item1), s.Item2))
            .Select(s => (s.File, ReadResult.Failure(PkiReader.NotRegular(s.File.FullPath, s.Item2))));
        return files.AsParallel().AsOrdered().Select(f => (f, _reader.ReadFile(f))).ToList()
            .Concat(notOpened)
            .OrderBy(r => r.Item1.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    private static IO.FolderTree Walk(string directory, out string root)
    {
        root = Path.GetFullPath(directory);
        return IO.FolderTree.Walk(new IO.PhysicalFileSystem(), root, tolerant: false);
    }
}
