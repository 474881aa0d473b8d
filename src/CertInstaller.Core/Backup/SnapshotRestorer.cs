using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Restores a verified snapshot into a folder, in three phases. Prepare: every live file that will be
/// replaced or removed is copied (and checked) into the snapshot's <c>displaced/&lt;run&gt;/files</c>, and
/// every file to restore is staged next to its target (<c>name.&lt;run token&gt;.certinstaller-staging</c>, created
/// exclusively, its mode and times set through the handle); no live file
/// changes. Commit: one rename (or, for removed files, one delete) per file. Tidy: empty directories.
/// An error rolls the committed files back (<see cref="BackupErrorCode.RestoreFailedRolledBack"/>);
/// after a crash each file is its old or its new self, nothing is lost, and running the same restore
/// again finishes the job (it deletes staging leftovers). Restores are idempotent.
/// </summary>
public sealed class SnapshotRestorer
{
    private readonly SnapshotStore _store;
    private readonly IFileSystem _fs;

    /// <summary>Restores from snapshots of <paramref name="store"/>, with its file system, clock and lock.</summary>
    public SnapshotRestorer(SnapshotStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _fs = store.FileSystem;
    }

    /// <summary>
    /// Makes <paramref name="targetFolder"/> byte-identical to the snapshot: files restored, extra files
    /// moved to the displaced area, extra empty directories removed. A snapshot of a missing folder
    /// removes the folder (its files go to the displaced area; links are left and keep it).
    /// </summary>
    public RestoreReport RestoreExact(string snapshotId, string targetFolder, IProgress<WorkProgress>? progress = null) =>
        Run(snapshotId, targetFolder, RestoreScope.Exact, _ => true, null, progress);

    /// <summary>
    /// Puts the given files back from the snapshot (the put-back Preservation calls): each path is
    /// restored or replaced (the live file kept in the displaced area); nothing else is touched.
    /// </summary>
    /// <param name="snapshotId">Snapshot to take the files from.</param>
    /// <param name="targetFolder">The certificates folder.</param>
    /// <param name="relativePaths">Manifest paths ('/' separated; '\' too on Windows; matched as the file system matches names).</param>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.PathNotInSnapshot"/> before anything is changed when a path is not in the snapshot.</exception>
    public RestoreReport PutBack(string snapshotId, string targetFolder, IEnumerable<string> relativePaths)
    {
        // '\\' is a name character on Linux (a file may be named a\\b): a path the manifest holds as given is taken as given;
        // otherwise '\\' separates, as on Windows.
        var snapshotPaths = new HashSet<string>(_store.Open(snapshotId).Manifest.Files.Select(f => f.RelativePath), _fs.PathComparer);
        var wanted = new HashSet<string>(relativePaths.Select(p => snapshotPaths.Contains(p) ? p : p.Replace('\\', '/')), _fs.PathComparer);
        return Run(snapshotId, targetFolder, RestoreScope.Subset, e => wanted.Contains(e.RelativePath), wanted);
    }

    /// <summary>Puts back every file the snapshot classified as <see cref="FileOrigin.ThirdParty"/>.</summary>
    public RestoreReport RestoreThirdParty(string snapshotId, string targetFolder, IProgress<WorkProgress>? progress = null) =>
        Run(snapshotId, targetFolder, RestoreScope.Subset, e => e.Origin == FileOrigin.ThirdParty, null, progress);

    /// <summary>What <see cref="RestoreExact"/> (or, with <paramref name="thirdPartyOnly"/>, <see cref="RestoreThirdParty"/>)
    /// would restore, replace or remove now, decided by the same planner; changes nothing and takes no lock (the restore
    /// decides again under its locks).</summary>
    public IReadOnlyList<RestoreFileResult> Preview(string snapshotId, string targetFolder, bool thirdPartyOnly)
    {
        var target = SnapshotStore.NormalizeFolder(targetFolder);
        var snapshot = _store.Open(snapshotId);
        var scope = thirdPartyOnly ? RestoreScope.Subset : RestoreScope.Exact;
        var entries = snapshot.Manifest.Files.Where(e => !thirdPartyOnly || e.Origin == FileOrigin.ThirdParty)
            .OrderBy(e => e.RelativePath, StringComparer.Ordinal).ToList();
        var plan = new RestoreRun(_fs, snapshot, target, SnapshotLayout.IdFor(_store.Clock.UtcNow)).Plan(scope, entries);
        return plan.Steps.Select(s => new RestoreFileResult(s.RelativePath, s.Action, null)).ToList();
    }

    private RestoreReport Run(
        string snapshotId,
        string targetFolder,
        RestoreScope scope,
        Func<ManifestEntry, bool> inScope,
        IReadOnlyCollection<string>? requested,
        IProgress<WorkProgress>? progress = null)
    {
        var target = SnapshotStore.NormalizeFolder(targetFolder);
        _store.CheckSeparate(target);
        var snapshot = _store.Open(snapshotId);
        var entries = snapshot.Manifest.Files.Where(inScope).OrderBy(e => e.RelativePath, StringComparer.Ordinal).ToList();
        if (requested is not null)
        {
            var known = new HashSet<string>(entries.Select(e => e.RelativePath), _fs.PathComparer);
            var missing = requested.FirstOrDefault(p => !known.Contains(p));
            if (missing is not null)
            {
                throw new BackupException(
                    BackupErrorCode.PathNotInSnapshot,
                    missing,
                    $"Snapshot {snapshotId} holds no file '{missing}'. Nothing was changed.",
                    "Ask only for files listed in the snapshot's manifest.json.");
            }
        }

        // The folder's own lock first (whatever backup root another run uses), then this root's. A snapshot of a missing
        // folder restored while the parent is missing changes nothing, so it needs no lock.
        var wanted = scope == RestoreScope.Subset || snapshot.Manifest.SourceExisted;
        using var targetLock = _store.AcquireFolderLock(target, $"restore of snapshot {snapshotId} into {target}", createParent: wanted);
        using var rootLock = _store.AcquireLock($"restore of snapshot {snapshotId} into {target}");
        var verification = _store.VerifyFolder(snapshotId, snapshot.Path);
        if (!verification.IsValid)
        {
            var first = verification.Issues[0];
            throw new BackupException(
                BackupErrorCode.SnapshotInvalid,
                snapshot.Path,
                $"Snapshot {snapshotId} failed verification ({verification.Issues.Count} problem(s), first: {first.Code} on '{first.RelativePath}'). It was not restored; the folder was not changed.",
                "Restore an older snapshot that verifies.");
        }

        var runId = SnapshotLayout.IdFor(_store.Clock.UtcNow);
        var run = new RestoreRun(_fs, snapshot, target, runId);
        try
        {
            run.Execute(scope, entries, progress);
        }
        catch (Exception e) when (IoErrors.IsIo(e) && run.RolledBack)
        {
            throw new BackupException(
                BackupErrorCode.RestoreFailedRolledBack,
                target,
                $"Restoring snapshot {snapshotId} failed: {e.Message} Every file it had changed was put back: the folder is as it was before this restore (copies of the files it touched are in {run.DisplacedRoot}).",
                "Fix the cause (file in use? access denied? disk full?) and run the same restore again.",
                e);
        }
        catch (Exception e) when (IoErrors.IsIo(e))
        {
            throw new BackupException(
                BackupErrorCode.RestoreFailed,
                target,
                $"Restoring snapshot {snapshotId} failed part-way: {e.Message} Every file is either as it was or restored; live files replaced or removed so far are kept in {run.DisplacedRoot}.",
                "Fix the cause (file in use? access denied? disk full?) and run the same restore again: it finishes the job and loses nothing.",
                e);
        }

        return new RestoreReport(snapshotId, runId, target, scope, run.Results, run.DisplacedUsed ? run.DisplacedRoot : null)
        {
            Store = StoreDriftCheck.Compare(snapshot.Manifest, _store.CertificateStores, target, Environment.MachineName),
        };
    }
}
