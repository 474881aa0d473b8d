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
    /// <param name="directory">The folder to read.</param>
    /// <param name="progress">Told after each file read (from the reading threads, so it must be thread-safe).</param>
    public IReadOnlyList<(SourceFile File, ReadResult Result)> ReadAll(string directory, IProgress<IO.WorkProgress>? progress = null) =>
        ReadEach(directory, (_, result) => result, progress);

    /// <summary>As <see cref="ReadAll"/>, but each file's result goes through <paramref name="project"/> as soon as it is read
    /// (on the reading thread), and only what that returns is kept: a scan that needs a few facts per file does not
    /// hold every parsed object of the folder at once.</summary>
    /// <param name="directory">The folder to read.</param>
    /// <param name="project">What to keep of a file's result (called from the reading threads).</param>
    /// <param name="progress">Told after each file read (from the reading threads, so it must be thread-safe).</param>
    public IReadOnlyList<(SourceFile File, T Result)> ReadEach<T>(string directory, Func<SourceFile, ReadResult, T> project, IProgress<IO.WorkProgress>? progress = null)
    {
        var tree = Walk(directory, out var root);
        var files = tree.Files.Select(f => new SourceFile(f.Entry.FullPath, f.RelativePath)).ToList();
        var notOpened = tree.Links.Select(l => (l, IO.FileSystemEntryKind.Link))
            .Concat(tree.Special)
            .Select(s => (File: new SourceFile(Path.Combine(root, s.Item1), s.Item1), s.Item2))
            .Select(s => (s.File, project(s.File, ReadResult.Failure(PkiReader.NotRegular(s.File.FullPath, s.Item2)))));
        var done = 0;
        var gate = new object();
        return files.AsParallel().AsOrdered().WithDegreeOfParallelism(IO.ReadParallelism.Default).Select(f => (f, project(f, Read(f)))).ToList()
            .Concat(notOpened)
            .OrderBy(r => r.Item1.RelativePath, StringComparer.Ordinal)
            .ToList();

        ReadResult Read(SourceFile f)
        {
            var result = _reader.ReadFile(f);
            if (progress is null) return result;
            // One report at a time and in count order: the host's progress line is not written from two threads at once.
            lock (gate) progress.Report(new IO.WorkProgress(++done, files.Count, IO.WorkProgress.FolderOf(f.RelativePath)));
            return result;
        }
    }

    private static IO.FolderTree Walk(string directory, out string root)
    {
        root = Path.GetFullPath(directory);
        return IO.FolderTree.Walk(new IO.PhysicalFileSystem(), root, tolerant: false);
    }
}
