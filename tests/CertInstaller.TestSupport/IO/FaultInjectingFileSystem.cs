using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.IO;

/// <summary>
/// A decorator for tests: counts mutating operations (flushes and directory syncs included), records them in order,
/// and fails the k-th one with an <see cref="IOException"/>. A failing <see cref="CreateNew"/> leaves an empty file
/// behind, as a crash in the middle of writing would. In <see cref="FaultMode.PowerCut"/> it also keeps what a power
/// cut would lose (see <see cref="PowerCutJournal"/>) and drops it at the k-th operation. Count first with
/// <c>failAt: 0</c> (never fails), then loop k = 1..<see cref="MutationCount"/>.
/// </summary>
public sealed class FaultInjectingFileSystem : DelegatingFileSystem
{
    private readonly int _failAt;
    private readonly FaultMode _mode;
    private readonly PowerCutJournal? _journal;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The real file system.</param>
    /// <param name="failAt">1-based index of the mutating operation to fail; 0 never fails.</param>
    /// <param name="mode">Crash (k and all later fail), transient (only k fails) or power cut (crash, unsynced writes dropped).</param>
    public FaultInjectingFileSystem(IFileSystem inner, int failAt, FaultMode mode = FaultMode.Crash)
        : base(inner)
    {
        if (failAt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(failAt), failAt, "Must be 0 (never) or a 1-based operation index.");
        }

        _failAt = failAt;
        _mode = mode;
        _journal = mode == FaultMode.PowerCut ? new PowerCutJournal(inner) : null;
    }

    /// <summary>How many mutating operations were attempted (failed ones included).</summary>
    public int MutationCount { get; private set; }

    /// <summary>Whether a fault has been injected.</summary>
    public bool HasFailed { get; private set; }

    /// <summary>The operations attempted, in order, as "n: Operation path" (for diagnosing, and for the sync-order test).</summary>
    public IList<string> Log { get; } = new List<string>();

    /// <inheritdoc />
    public override Stream CreateNew(string path, bool privateAccess)
    {
        if (ShouldFail("CreateNew", path))
        {
            if (MutationCount == _failAt && _mode != FaultMode.PowerCut)
            {
                // A torn write: the file exists but holds nothing.
                Inner.CreateNew(path, privateAccess).Dispose();
            }

            throw Fault("CreateNew", path);
        }

        _journal?.Created(path);
        return new TrackedStream(Inner.CreateNew(path, privateAccess), path, _journal);
    }

    /// <inheritdoc />
    public override Stream CreateNewOwnerOnly(string path)
    {
        if (ShouldFail("CreateNewOwnerOnly", path))
        {
            if (MutationCount == _failAt && _mode != FaultMode.PowerCut)
            {
                Inner.CreateNewOwnerOnly(path).Dispose(); // a torn write, as for CreateNew
            }

            throw Fault("CreateNewOwnerOnly", path);
        }

        _journal?.Created(path);
        return new TrackedStream(Inner.CreateNewOwnerOnly(path), path, _journal);
    }

    /// <inheritdoc />
    public override Stream OpenOwnFileForAppend(string path)
    {
        // An append (the action log) is a write like any other: the wrapper's crash-point tests fail it in turn too.
        if (ShouldFail("OpenOwnFileForAppend", path))
        {
            throw Fault("OpenOwnFileForAppend", path);
        }

        return Inner.OpenOwnFileForAppend(path);
    }

    /// <inheritdoc />
    public override void FlushToDisk(Stream stream)
    {
        var tracked = stream as TrackedStream ?? throw new ArgumentException("Not a stream of this file system.", nameof(stream));
        Run("FlushToDisk", tracked.Path, () =>
        {
            Inner.FlushToDisk(tracked.Inner);
            _journal?.Flushed(tracked);
        });
    }

    /// <inheritdoc />
    public override void ApplyAttributesOnHandle(Stream stream, DateTime createdUtc, DateTime modifiedUtc, bool readOnly, string? permissions)
    {
        var tracked = stream as TrackedStream ?? throw new ArgumentException("Not a stream of this file system.", nameof(stream));
        Run("ApplyAttributesOnHandle", tracked.Path, () => Inner.ApplyAttributesOnHandle(tracked.Inner, createdUtc, modifiedUtc, readOnly, permissions));
    }

    /// <inheritdoc />
    public override string? IdentityOfHandle(Stream stream) =>
        Inner.IdentityOfHandle((stream as TrackedStream ?? throw new ArgumentException("Not a stream of this file system.", nameof(stream))).Inner);

    /// <inheritdoc />
    public override void SyncDirectory(string directory) => Run("SyncDirectory", directory, () =>
    {
        Inner.SyncDirectory(directory);
        _journal?.Synced(directory);
    });

    /// <inheritdoc />
    public override void CreateDirectory(string path, bool privateAccess) => Run("CreateDirectory", path, () =>
    {
        var missing = _journal?.MissingChain(path);
        Inner.CreateDirectory(path, privateAccess);
        _journal?.CreatedDirectories(missing!);
    });

    /// <inheritdoc />
    public override void MakePrivate(string path) => Run("MakePrivate", path, () => Inner.MakePrivate(path));

    /// <inheritdoc />
    public override void MoveFile(string source, string destination, bool overwrite) => Run("MoveFile", source + " -> " + destination, () =>
    {
        var replaced = overwrite ? _journal?.Shadow(destination) : null;
        Inner.MoveFile(source, destination, overwrite);
        _journal?.Moved(source, destination, replaced);
    });

    /// <inheritdoc />
    public override void MoveDirectory(string source, string destination) => Run("MoveDirectory", source + " -> " + destination, () =>
    {
        Inner.MoveDirectory(source, destination);
        _journal?.Moved(source, destination, null);
    });

    /// <inheritdoc />
    public override void DeleteFile(string path) => Run("DeleteFile", path, () =>
    {
        var shadow = _journal?.Shadow(path);
        Inner.DeleteFile(path);
        _journal?.Deleted(path, shadow);
    });

    /// <inheritdoc />
    public override void DeleteEmptyDirectory(string path) => Run("DeleteEmptyDirectory", path, () =>
    {
        var shadow = _journal?.Shadow(path);
        Inner.DeleteEmptyDirectory(path);
        _journal?.Deleted(path, shadow);
    });

    /// <inheritdoc />
    public override void DeleteDirectoryTree(string path) => Run("DeleteDirectoryTree", path, () =>
    {
        var shadow = _journal?.Shadow(path);
        Inner.DeleteDirectoryTree(path);
        _journal?.Deleted(path, shadow);
    });

    /// <inheritdoc />
    public override void SetTimes(string path, DateTime createdUtc, DateTime modifiedUtc) =>
        Run("SetTimes", path, () => Inner.SetTimes(path, createdUtc, modifiedUtc));

    /// <inheritdoc />
    public override void SetReadOnly(string path, bool readOnly) =>
        Run("SetReadOnly", path, () => Inner.SetReadOnly(path, readOnly));

    /// <inheritdoc />
    public override void SetPermissions(string path, string permissions) =>
        Run("SetPermissions", path, () => Inner.SetPermissions(path, permissions));

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
        var fail = _failAt != 0 && (MutationCount == _failAt || (_mode is FaultMode.Crash or FaultMode.PowerCut && MutationCount > _failAt));
        if (fail && MutationCount == _failAt)
        {
            _journal?.Cut();
        }

        HasFailed |= fail;
        return fail;
    }

    private IOException Fault(string operation, string path) =>
        new($"Injected {(_mode == FaultMode.PowerCut ? "power cut" : "fault")} at mutating operation {MutationCount} ({operation} {path}).");
}
