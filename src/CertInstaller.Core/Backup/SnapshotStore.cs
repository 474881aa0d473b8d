using CertInstaller.Core.IO;
using CertInstaller.Core.Store;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Snapshots of one certificates folder under a backup root: create, list, open, verify, mark validated, prune. A
/// snapshot is <c>&lt;root&gt;/&lt;id&gt;/</c> holding <c>manifest.json</c> and <c>files/</c>; it is written as
/// <c>&lt;id&gt;.partial</c>, made durable, verified, then renamed (<see cref="SnapshotWriter"/>). A snapshot counts
/// (as the newest, for restore, for retention) only when it verifies and is private to this store. Writes hold the
/// root's lock; backups and restores also hold the lock beside the certificates folder.
/// </summary>
public sealed class SnapshotStore
{
    /// <summary>Opens (does not create) the store at <paramref name="backupRoot"/> (a link to a folder is followed).</summary>
    /// <param name="backupRoot">Folder holding the snapshots of one certificates folder.</param>
    /// <param name="fileSystem">File-system port; <see cref="BackupPorts.Machine"/>'s by default.</param>
    /// <param name="clock">Clock for ids and times; <see cref="BackupPorts.Machine"/>'s by default.</param>
    /// <param name="lockProbe">Stale-lock detection; <see cref="BackupPorts.Machine"/>'s by default.</param>
    public SnapshotStore(string backupRoot, IFileSystem? fileSystem = null, IClock? clock = null, ILockHolderProbe? lockProbe = null)
    {
        if (string.IsNullOrWhiteSpace(backupRoot))
        {
            throw new BackupException(BackupErrorCode.InvalidArgument, null, "No backup folder was given.", "Give a local backup folder.");
        }

        FileSystem = fileSystem ?? BackupPorts.Machine.FileSystem;
        Clock = clock ?? BackupPorts.Machine.Clock;
        LockProbe = lockProbe ?? BackupPorts.Machine.LockProbe;
        Root = StorePaths.NormalizeFolder(FileSystem.ResolveLinks(StorePaths.NormalizeFolder(backupRoot)));
    }

    /// <summary>The backup root (absolute, links resolved).</summary>
    public string Root { get; }

    internal IFileSystem FileSystem { get; }

    internal IClock Clock { get; }

    internal ILockHolderProbe LockProbe { get; }

    /// <summary>The LocalMachine certificate stores (<see cref="BackupPorts.CertificateStores"/>; the machine's by default), or
    /// null: what a snapshot records of them and what a restore compares against.</summary>
    public IMachineCertificateStores? CertificateStores { get; init; } = BackupPorts.Machine.CertificateStores;

    /// <summary>The certificates-folder lock the caller holds already (<see cref="BackupPorts.HeldFolderLock"/>), or null.</summary>
    internal FolderLock? HeldFolderLock { get; init; }

    /// <summary>Takes a snapshot of <see cref="SnapshotRequest.SourceFolder"/>. Never changes that folder.</summary>
    /// <exception cref="BackupException">With the reason; a failed run removes its <c>.partial</c> folder (a crash may leave
    /// one: readers ignore it, and the next create or prune of this root removes it).</exception>
    /// <param name="request">What to snapshot.</param>
    /// <param name="progress">Told after each file copied (files done of the folder's total, and its folder).</param>
    public SnapshotInfo Create(SnapshotRequest request, IProgress<WorkProgress>? progress = null)
    {
        var source = StorePaths.NormalizeFolder(request.SourceFolder);
        CheckSeparate(source);
        EnsureRoot();
        using var folderLock = AcquireFolderLock(source, "backup of " + source, createParent: false);
        using var rootLock = AcquireLock("backup of " + source);
        return IoErrors.Wrap(
            () =>
            {
                SnapshotWriter.RemoveStalePartials(FileSystem, Root); // e.g. after a full disk: they would fill it again
                return SnapshotWriter.Write(FileSystem, Clock, Root, request, source, progress);
            },
            e => new BackupException(
                BackupErrorCode.BackupFailed,
                Root,
                $"Writing the snapshot failed: {e.Message} The certificates folder was not changed; no snapshot was completed.",
                "Check free space and access to the backup folder, then run the backup again.",
                e));
    }

    /// <summary>Every snapshot whose manifest reads, newest first (not verified: see <see cref="VerifyAll"/>). Partial and half-deleted ones are ignored.</summary>
    public IReadOnlyList<SnapshotInfo> List()
    {
        var snapshots = new List<SnapshotInfo>();
        foreach (var (id, path) in SnapshotFolders())
        {
            try
            {
                snapshots.Add(ManifestReader.Load(FileSystem, id, path));
            }
            catch (BackupException)
            {
                // Unreadable: VerifyAll reports it; it is never restored or pruned.
            }
        }

        return snapshots
            .OrderByDescending(s => s.Manifest.CreatedUtc)
            .ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Verifies every snapshot folder of the root, damaged and unreadable ones included, newest first.</summary>
    public IReadOnlyList<VerificationResult> VerifyAll() =>
        SnapshotFolders()
            .Select(f => SnapshotVerifier.VerifyFolder(FileSystem, f.Id, f.Path))
            .OrderByDescending(r => r.Manifest?.CreatedUtc ?? SnapshotLayout.TimeOf(r.SnapshotId))
            .ThenByDescending(r => r.SnapshotId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The newest snapshot that verifies and is private to this store, or null when there is none.</summary>
    public SnapshotInfo? NewestIntact() => List().FirstOrDefault(s => SnapshotVerifier.VerifyFolder(FileSystem, s.Id, s.Path).IsValid);

    /// <summary>The complete snapshot <paramref name="id"/>.</summary>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.SnapshotNotFound"/> or <see cref="BackupErrorCode.ManifestUnreadable"/>.</exception>
    public SnapshotInfo Open(string id) => ManifestReader.Load(FileSystem, id, PathOf(id));

    /// <summary>Checks snapshot <paramref name="id"/>: private to this store, manifest readable, every file re-hashed (an unreadable manifest is an issue, not an error).</summary>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.SnapshotNotFound"/>.</exception>
    public VerificationResult Verify(string id) => VerifyFolder(id, PathOf(id));

    /// <summary>Records the outcome of validating the folder snapshot <paramref name="id"/> was taken of (retention keeps the newest clean one).</summary>
    public void MarkValidated(string id, bool clean, string summary)
    {
        var snapshot = Open(id);
        using var folderLock = AcquireLock("recording validation of snapshot " + id);
        Json.WriteReplace(FileSystem, Path.Combine(snapshot.Path, SnapshotLayout.ValidationFile), new ValidationMark(clean, summary, Clock.UtcNow), privateAccess: true);
    }

    /// <summary>
    /// Deletes the intact snapshots <paramref name="policy"/> does not keep, and leftovers of interrupted runs
    /// (<c>.partial</c>, <c>.deleting</c>). The only deletion of backups there is; it never deletes a snapshot that
    /// failed verification, and one counts as the newest only when it verified.
    /// </summary>
    public PruneResult Prune(RetentionPolicy policy)
    {
        if (FileSystem.GetEntry(Root) is null)
        {
            return new PruneResult(Array.Empty<RetentionDecision>(), Array.Empty<string>(), Array.Empty<VerificationResult>());
        }

        using var folderLock = AcquireLock("pruning old snapshots");
        return SnapshotPruner.Prune(FileSystem, Root, VerifyAll(), policy);
    }

    /// <summary>Takes the lock on this backup root (creating the root, private, when missing).</summary>
    public FolderLock AcquireLock(string reason)
    {
        EnsureRoot();
        return IoErrors.Wrap(
            () => FolderLock.Acquire(FileSystem, Clock, LockProbe, Root, reason),
            e => new BackupException(
                BackupErrorCode.BackupRootUnusable,
                Path.Combine(Root, SnapshotLayout.LockFile),
                $"Cannot take the lock in the backup folder: {e.Message} Nothing was changed.",
                "Check access to the backup folder (installs run as SYSTEM) and free space, then retry.",
                e));
    }

    /// <summary>
    /// Takes the lock beside <paramref name="folder"/> (<c>&lt;parent&gt;/&lt;name&gt;.certinstaller.lock</c>), which every run
    /// on that folder meets whatever backup root it uses. Returns null when the parent is missing and
    /// <paramref name="createParent"/> is false (a backup of a missing folder: there is nothing to read yet).
    /// </summary>
    public FolderLock? AcquireFolderLock(string folder, string reason, bool createParent)
    {
        var lockPath = StorePaths.FolderLockPath(FileSystem, folder);
        if (lockPath is null)
        {
            throw new BackupException(BackupErrorCode.InvalidArgument, folder, "A volume root cannot be the certificates folder. Nothing was changed.", "Give the certificates folder itself, e.g. D:\\I3\\IC\\Certificates.");
        }

        if (HeldFolderLock is { } held && FileSystem.PathComparer.Equals(held.LockPath, lockPath)
            && FolderLock.TryRead(FileSystem, lockPath)?.Token == held.Holder.Token)
        {
            return null; // the caller's own lock, still in place, covers this step
        }

        var parent = Durable.Parent(lockPath);
        return IoErrors.Wrap(
            () =>
            {
                if (FileSystem.GetEntry(parent) is null)
                {
                    if (!createParent)
                    {
                        return null;
                    }

                    FileSystem.CreateDirectory(parent, privateAccess: false);
                }

                return FolderLock.AcquireFile(FileSystem, Clock, LockProbe, lockPath, "the certificates folder " + folder, reason);
            },
            e => new BackupException(
                BackupErrorCode.FolderLockUnusable,
                lockPath,
                $"Cannot take the lock beside the certificates folder: {e.Message} Nothing was changed.",
                "Run as an account that can write to the folder's parent (installs run as SYSTEM), then retry.",
                e));
    }

    /// <summary>Refuses a certificates folder that contains the backup root or lies inside it (links resolved).</summary>
    internal void CheckSeparate(string folder) => StorePaths.CheckSeparate(FileSystem, Root, folder);

    /// <summary>The folder path as the store compares it (full, no trailing separator).</summary>
    public static string NormalizeFolder(string folder) => StorePaths.NormalizeFolder(folder);

    internal VerificationResult VerifyFolder(string id, string snapshotPath) => SnapshotVerifier.VerifyFolder(FileSystem, id, snapshotPath);

    private void EnsureRoot() => StorePaths.EnsureRoot(FileSystem, Root);

    private string PathOf(string id)
    {
        var path = SnapshotLayout.IsSnapshotId(id) ? Path.Combine(Root, id) : null;
        if (path is null || FileSystem.GetEntry(path)?.Kind != FileSystemEntryKind.Directory)
        {
            throw new BackupException(
                BackupErrorCode.SnapshotNotFound,
                path ?? Root,
                $"There is no complete snapshot '{id}'.",
                "List the snapshots of this backup folder and use one of their ids.");
        }

        return path;
    }

    private IEnumerable<(string Id, string Path)> SnapshotFolders() =>
        !StorePaths.RootExists(FileSystem, Root)
            ? Array.Empty<(string, string)>()
            : FileSystem.List(Root)
                .Where(e => e.Kind == FileSystemEntryKind.Directory && SnapshotLayout.IsSnapshotId(e.Name))
                .Select(e => (e.Name, e.FullPath))
                .ToList();
}
