using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.IO;

/// <summary>
/// A decorator for tests: counts mutating operations and fails the k-th one with an
/// <see cref="IOException"/>. A failing <see cref="CreateNew"/> leaves an empty file behind,
/// as a crash in the middle of writing would. Count first with <c>failAt: 0</c> (never fails),
/// then loop k = 1..<see cref="MutationCount"/>.
/// </summary>
public sealed class FaultInjectingFileSystem : IFileSystem
{
    private readonly IFileSystem _inner;
    private readonly int _failAt;
    private readonly FaultMode _mode;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The real file system.</param>
    /// <param name="failAt">1-based index of the mutating operation to fail; 0 never fails.</param>
    /// <param name="mode">Crash (k and all later fail) or transient (only k fails).</param>
    public FaultInjectingFileSystem(IFileSystem inner, int failAt, FaultMode mode = FaultMode.Crash)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (failAt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(failAt), failAt, "Must be 0 (never) or a 1-based operation index.");
        }

        _failAt = failAt;
        _mode = mode;
    }

    /// <summary>How many mutating operations were attempted (failed ones included).</summary>
    public int MutationCount { get; private set; }

    /// <summary>Whether a fault has been injected.</summary>
    public bool HasFailed { get; private set; }

    /// <summary>The operations attempted, in order (for diagnosing a failing crash point).</summary>
    public IList<string> Log { get; } = new List<string>();

    /// <inheritdoc />
    public StringComparer PathComparer => _inner.PathComparer;

    /// <inheritdoc />
    public FileSystemEntry? GetEntry(string path) => _inner.GetEntry(path);

    /// <inheritdoc />
    public IReadOnlyList<FileSystemEntry> List(string directory) => _inner.List(directory);

    /// <inheritdoc />
    public Stream OpenRead(string path) => _inner.OpenRead(path);

    /// <inheritdoc />
    public Stream CreateNew(string path, bool privateAccess)
    {
        if (ShouldFail("CreateNew", path))
        {
            if (MutationCount == _failAt)
            {
                // A torn write: the file exists but holds nothing.
                _inner.CreateNew(path, privateAccess).Dispose();
            }

            throw Fault("CreateNew", path);
        }

        return _inner.CreateNew(path, privateAccess);
    }

    /// <inheritdoc />
    public void CreateDirectory(string path, bool privateAccess) =>
        Run("CreateDirectory", path, () => _inner.CreateDirectory(path, privateAccess));

    /// <inheritdoc />
    public void MakePrivate(string path) => Run("MakePrivate", path, () => _inner.MakePrivate(path));

    /// <inheritdoc />
    public void MoveFile(string source, string destination, bool overwrite) =>
        Run("MoveFile", source + " -> " + destination, () => _inner.MoveFile(source, destination, overwrite));

    /// <inheritdoc />
    public void MoveDirectory(string source, string destination) =>
        Run("MoveDirectory", source + " -> " + destination, () => _inner.MoveDirectory(source, destination));

    /// <inheritdoc />
    public void DeleteFile(string path) => Run("DeleteFile", path, () => _inner.DeleteFile(path));

    /// <inheritdoc />
    public void DeleteEmptyDirectory(string path) => Run("DeleteEmptyDirectory", path, () => _inner.DeleteEmptyDirectory(path));

    /// <inheritdoc />
    public void DeleteDirectoryTree(string path) => Run("DeleteDirectoryTree", path, () => _inner.DeleteDirectoryTree(path));

    /// <inheritdoc />
    public void SetTimes(string path, DateTime createdUtc, DateTime modifiedUtc) =>
        Run("SetTimes", path, () => _inner.SetTimes(path, createdUtc, modifiedUtc));

    /// <inheritdoc />
    public void SetReadOnly(string path, bool readOnly) =>
        Run("SetReadOnly", path, () => _inner.SetReadOnly(path, readOnly));

    private void Run(string operation, string path, Action action)
    {
        if (ShouldFail(operation, path))
        {
            throw Fault(operation, path);
        }

        action();
    }

    private bool ShouldFail(string operation, string path)
    {
        MutationCount++;
        Log.Add($"{MutationCount}: {operation} {path}");
        var fail = _failAt != 0 && (MutationCount == _failAt || (_mode == FaultMode.Crash && MutationCount > _failAt));
        HasFailed |= fail;
        return fail;
    }

    private IOException Fault(string operation, string path) =>
        new($"Injected fault at mutating operation {MutationCount} ({operation} {path}).");
}
