using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.IO;

/// <summary>
/// What a power cut would lose, as the worst case a journaling file system allows: file content written but not
/// flushed to disk, and every create, rename or delete in a directory not synced since. It remembers enough (in
/// memory: the bytes of replaced and deleted entries) to undo each such change, and <see cref="Cut"/> does so, newest
/// first, after the open streams were closed.
/// </summary>
internal sealed class PowerCutJournal(IFileSystem inner)
{
    private readonly List<Change> _changes = new();
    private readonly List<TrackedStream> _open = new();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);

    public bool IsCut { get; private set; }

    public void Opened(TrackedStream stream) => _open.Add(stream);

    public void Closed(TrackedStream stream) => _open.Remove(stream);

    public void Created(string path)
    {
        _dirty.Add(Norm(path));
        Add(p => Delete(p[0]), path);
    }

    public void Flushed(TrackedStream stream) => _dirty.Remove(Norm(stream.Path));

    public void Synced(string directory)
    {
        var d = Norm(directory);
        foreach (var change in _changes)
        {
            change.Pending.Remove(d);
        }
    }

    /// <summary>The directories <see cref="IFileSystem.CreateDirectory"/> is about to create, outermost first.</summary>
    public List<string> MissingChain(string path)
    {
        var chain = new List<string>();
        for (var d = Norm(path); !string.IsNullOrEmpty(d) && inner.GetEntry(d) is null; d = Path.GetDirectoryName(d) ?? string.Empty)
        {
            chain.Insert(0, d);
        }

        return chain;
    }

    public void CreatedDirectories(List<string> created)
    {
        foreach (var d in created)
        {
            Add(p => Delete(p[0]), d);
        }
    }

    public Entry? Shadow(string path) => Entry.Capture(inner, Norm(path));

    public void Moved(string source, string destination, Entry? replaced)
    {
        var from = Norm(source);
        var to = Norm(destination);
        Rebase(from, to);
        Add(
            p =>
            {
                var (back, at) = (p[0], p[1]); // Rebase below rewrites p itself
                if (inner.GetEntry(at) is { } moved)
                {
                    if (moved.Kind == FileSystemEntryKind.Directory)
                    {
                        Directory.Move(at, back);
                    }
                    else
                    {
                        File.Move(at, back);
                    }

                    Rebase(at, back);
                }

                replaced?.Restore(inner, at);
            },
            source,
            destination);
    }

    public void Deleted(string path, Entry? shadow)
    {
        var p = Norm(path);
        _dirty.RemoveWhere(d => d == p || d.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Add(p => shadow?.Restore(inner, p[0]), path);
    }

    /// <summary>The power fails: streams die, unflushed content is lost, unsynced directory changes are undone.</summary>
    public void Cut()
    {
        IsCut = true;
        foreach (var stream in _open.ToList())
        {
            stream.Kill();
        }

        foreach (var path in _dirty.Where(File.Exists))
        {
            File.WriteAllBytes(path, Array.Empty<byte>());
        }

        foreach (var change in Enumerable.Reverse(_changes).Where(c => c.Pending.Count > 0))
        {
            try
            {
                change.Undo(change.Paths);
            }
            catch (IOException)
            {
                // A later durable change moved what this one touched: the model keeps the later state.
            }
        }
    }

    private static string Norm(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static string Parent(string path) => Path.GetDirectoryName(Norm(path)) ?? Norm(path);

    private void Add(Action<string[]> undo, params string[] paths) =>
        _changes.Add(new Change(undo, paths.Select(Norm).ToArray(), new HashSet<string>(paths.Select(Parent), StringComparer.Ordinal)));

    private static string Moved(string path, string from, string to) =>
        path == from || path.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? to + path.Substring(from.Length) : path;

    /// <summary>A rename moves everything below it: earlier changes (and what they wait for) follow it.</summary>
    private void Rebase(string from, string to)
    {
        foreach (var change in _changes)
        {
            for (var i = 0; i < change.Paths.Length; i++)
            {
                change.Paths[i] = Moved(change.Paths[i], from, to);
            }

            foreach (var pending in change.Pending.ToList())
            {
                var moved = Moved(pending, from, to);
                if (moved != pending)
                {
                    change.Pending.Remove(pending);
                    change.Pending.Add(moved);
                }
            }
        }

        foreach (var d in _dirty.Where(d => d == from || d.StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList())
        {
            _dirty.Remove(d);
            _dirty.Add(to + d.Substring(from.Length));
        }

        foreach (var stream in _open.Where(s => Norm(s.Path) == from || Norm(s.Path).StartsWith(from + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            stream.Path = to + Norm(stream.Path).Substring(from.Length);
        }
    }

    private void Delete(string path)
    {
        var entry = inner.GetEntry(path);
        if (entry?.Kind == FileSystemEntryKind.Directory)
        {
            inner.DeleteDirectoryTree(path);
        }
        else if (entry is not null)
        {
            if (entry.IsReadOnly)
            {
                inner.SetReadOnly(path, false);
            }

            inner.DeleteFile(path);
        }
    }

    private sealed record Change(Action<string[]> Undo, string[] Paths, HashSet<string> Pending);

    /// <summary>A file or directory tree as it was, to put back.</summary>
    internal sealed record Entry(string Path, bool IsDirectory, bool Private, bool ReadOnly, byte[] Bytes, IReadOnlyList<Entry> Children)
    {
        public static Entry? Capture(IFileSystem fs, string path)
        {
            var entry = fs.GetEntry(path);
            if (entry is null || entry.Kind == FileSystemEntryKind.Link)
            {
                return null;
            }

            if (entry.Kind == FileSystemEntryKind.Directory)
            {
                return new Entry(path, true, fs.IsPrivate(path), false, Array.Empty<byte>(), fs.List(path).Select(c => Capture(fs, c.FullPath)).OfType<Entry>().ToList());
            }

            using var input = fs.OpenRead(path);
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            return new Entry(path, false, fs.IsPrivate(path), entry.IsReadOnly, copy.ToArray(), Array.Empty<Entry>());
        }

        public void Restore(IFileSystem fs, string at)
        {
            if (IsDirectory)
            {
                fs.CreateDirectory(at, Private);
                foreach (var child in Children)
                {
                    child.Restore(fs, System.IO.Path.Combine(at, System.IO.Path.GetFileName(child.Path)));
                }

                return;
            }

            if (fs.GetEntry(at) is { } existing)
            {
                if (existing.IsReadOnly)
                {
                    fs.SetReadOnly(at, false);
                }

                fs.DeleteFile(at);
            }

            using (var output = fs.CreateNew(at, Private))
            {
                output.Write(Bytes, 0, Bytes.Length);
            }

            if (ReadOnly)
            {
                fs.SetReadOnly(at, true);
            }
        }
    }
}

/// <summary>A stream of <see cref="FaultInjectingFileSystem.CreateNew"/>: knows its file (renames follow it) and dies at a power cut.</summary>
internal sealed class TrackedStream : Stream
{
    private readonly PowerCutJournal? _journal;
    private bool _dead;

    public TrackedStream(Stream inner, string path, PowerCutJournal? journal)
    {
        Inner = inner;
        Path = path;
        _journal = journal;
        journal?.Opened(this);
    }

    public Stream Inner { get; }

    public string Path { get; set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_dead;

    public override long Length => Inner.Length;

    public override long Position { get => Inner.Position; set => throw new NotSupportedException(); }

    /// <summary>The power failed: what the OS already has stays (then the journal drops it); nothing more is written.</summary>
    public void Kill()
    {
        if (!_dead)
        {
            _dead = true;
            Inner.Dispose();
            _journal?.Closed(this);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_dead)
        {
            throw new IOException("The power is off.");
        }

        Inner.Write(buffer, offset, count);
    }

    public override void Flush()
    {
        if (!_dead)
        {
            Inner.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_dead)
        {
            Inner.Dispose();
            _journal?.Closed(this);
        }

        _dead = true;
        base.Dispose(disposing);
    }
}
