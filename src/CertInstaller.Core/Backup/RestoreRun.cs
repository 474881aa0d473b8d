using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>One restore run: reads the live folder, lets <see cref="RestorePlanner"/> decide, then carries the plan out
/// in a crash-safe order (the executor; the planner never touches the disk).</summary>
internal sealed class RestoreRun
{
    private readonly IFileSystem _fs;
    private readonly SnapshotInfo _snapshot;
    private readonly string _target;
    private readonly string _snapshotFiles;
    private readonly string _displacedFiles;
    private readonly string _stagingToken = SnapshotLayout.NewStagingToken();

    public RestoreRun(IFileSystem fs, SnapshotInfo snapshot, string target, string runId)
    {
        _fs = fs;
        _snapshot = snapshot;
        _target = target;
        _snapshotFiles = Path.Combine(snapshot.Path, SnapshotLayout.FilesFolder);
        DisplacedRoot = Path.Combine(snapshot.Path, SnapshotLayout.DisplacedFolder, runId);
        _displacedFiles = Path.Combine(DisplacedRoot, SnapshotLayout.FilesFolder);
    }

    public string DisplacedRoot { get; }

    /// <summary>True when this run kept any live file aside.</summary>
    public bool DisplacedUsed => Results.Any(r => r.DisplacedPath is not null);

    public List<RestoreFileResult> Results { get; } = new();

    /// <summary>True when a failed run put every file back as it was before this run.</summary>
    public bool RolledBack { get; private set; }

    /// <summary>What the run would change, decided from the live folder as it is now; reads only (a preview).</summary>
    public RestorePlan Plan(RestoreScope scope, IReadOnlyList<ManifestEntry> entries) =>
        RestorePlanner.Plan(_snapshot.Id, _target, _snapshot.Manifest, scope, entries, ReadLive(scope, entries), _fs.PathComparer);

    /// <summary>
    /// Plans, then goes file by file: keeps the live file aside (copied, checked, on disk), stages the snapshot's file
    /// next to its target (on disk), and commits it with one rename or delete (directory synced). So a nearly full
    /// volume needs room for one staged file at a time, and at every instant each file is its old or its new self.
    /// Then it tidies directories. On an error it puts the committed files back (best effort) before rethrowing.
    /// </summary>
    public void Execute(RestoreScope scope, IReadOnlyList<ManifestEntry> entries, IProgress<WorkProgress>? progress = null)
    {
        var steps = new List<Applied>();
        var created = new List<string>();
        RestorePlan plan;
        LiveFolder live;
        try
        {
            live = ReadLive(scope, entries);
            plan = RestorePlanner.Plan(_snapshot.Id, _target, _snapshot.Manifest, scope, entries, live, _fs.PathComparer);

            // A leftover of an interrupted restore is kept aside like a removed file, then removed: whatever it holds (even
            // an admin's file that happened to carry a run token) is never lost.
            steps.AddRange(live.Leftovers.Select(l => new Applied(new RestoreStep(l.RelativePath, RestoreFileAction.StagingLeftoverDeleted, null, l.File), l.File.Entry.FullPath)));
            Results.AddRange(plan.Unchanged.Select(u => new RestoreFileResult(u, RestoreFileAction.Unchanged, null)));
            steps.AddRange(plan.Steps.Select(s => new Applied(s, s.Live?.Entry.FullPath ?? RelativePath.Combine(_target, s.RelativePath))));
            if (plan.FolderWanted)
            {
                CreateLiveDirectory(_target, created);
                foreach (var directory in plan.DirectoriesToCreate)
                {
                    CreateLiveDirectory(RelativePath.Combine(_target, directory), created);
                }
            }

            var done = 0;
            foreach (var step in steps)
            {
                Prepare(step);
                Commit(step);
                progress?.Report(new WorkProgress(++done, steps.Count, WorkProgress.FolderOf(step.Step.RelativePath)));
            }
        }
        catch (Exception e) when (IoErrors.IsIo(e) || e is BackupException)
        {
            RolledBack = TryRollBack(steps, created);
            throw;
        }

        Results.AddRange(steps.Select(s => new RestoreFileResult(s.Step.RelativePath, s.Step.Action, s.DisplacedPath, s.DisplacedPath is null ? null : s.Step.Live?.Sha256)));
        if (scope == RestoreScope.Exact)
        {
            Results.AddRange(plan.LinksLeft.Select(l => new RestoreFileResult(l, RestoreFileAction.LinkLeftInPlace, null)));
            foreach (var directory in plan.DirectoriesToRemoveIfEmpty)
            {
                DeleteIfEmpty(RelativePath.Combine(_target, directory));
            }

            if (!plan.FolderWanted && live.Exists)
            {
                DeleteIfEmpty(_target);
            }
        }

        if (DisplacedUsed)
        {
            Json.WriteNew(_fs, Path.Combine(DisplacedRoot, SnapshotLayout.RestoreReportFile), new RestoreRecord(_snapshot.Id, _target, Results), privateAccess: true);
            _fs.SyncDirectory(DisplacedRoot);
        }
    }

    /// <summary>The live folder, read-only: files (hashed where the plan compares or keeps them), directories, links, leftovers.</summary>
    private LiveFolder ReadLive(RestoreScope scope, IReadOnlyList<ManifestEntry> entries)
    {
        var scan = FolderScan.Of(_fs, _target, BackupErrorCode.TargetConflict);
        FolderSafety.RefuseOtherWriters(_fs, _target, scan.Directories.Select(d => RelativePath.Combine(_target, d)));
        var wanted = new HashSet<string>(entries.Select(e => e.RelativePath), _fs.PathComparer);
        var files = new Dictionary<string, LiveFile>(_fs.PathComparer);
        var leftovers = new List<(string, LiveFile)>();
        foreach (var (relative, entry) in scan.Files)
        {
            if (SnapshotLayout.IsStagingName(entry.Name))
            {
                leftovers.Add((relative, new LiveFile(entry, FileHasher.Hash(_fs, entry.FullPath).Sha256, null)));
            }
            else
            {
                var compared = scope == RestoreScope.Exact || wanted.Contains(relative);
                files[relative] = new LiveFile(entry, compared ? FileHasher.Hash(_fs, entry.FullPath).Sha256 : null, compared ? _fs.GetPermissions(entry.FullPath) : null);
            }
        }

        return new LiveFolder(scan.Exists, files, scan.Directories, scan.Links, leftovers);
    }

    /// <summary>Keeps the live file aside (on disk) and stages the snapshot's (on disk); no live file changes.</summary>
    private void Prepare(Applied step)
    {
        if (step.Step.Live is { } live)
        {
            step.DisplacedPath = RestoreCopies.Displace(_fs, _snapshot.Path, RelativePath.Combine(_displacedFiles, step.Step.RelativePath), live);
        }

        if (step.Step.Entry is { } entry)
        {
            step.StagingPath = SnapshotLayout.StagingPathFor(step.TargetPath, _stagingToken);
            step.StagedIdentity = RestoreCopies.Stage(_fs, RelativePath.Combine(_snapshotFiles, entry.RelativePath), entry.Sha256, entry.RelativePath, FileAttributesToRestore.Of(entry), step.StagingPath);
        }
    }

    /// <summary>One atomic change to the live folder per file (after clearing a read-only attribute), synced.</summary>
    private void Commit(Applied step)
    {
        if (step.Step.Live is { } live)
        {
            ClearReadOnly(live.Entry);
        }

        if (step.StagingPath is null)
        {
            _fs.DeleteFile(step.TargetPath);
        }
        else
        {
            // rename(2) never follows a link at either name; the identity checks refuse a staged file swapped for a link.
            RestoreCopies.CheckStillOurs(_fs, step.StagedIdentity, step.StagingPath, afterRename: false);
            _fs.MoveFile(step.StagingPath, step.TargetPath, overwrite: step.Step.Live is not null);
            step.Committed = true;
            RestoreCopies.CheckStillOurs(_fs, step.StagedIdentity, step.TargetPath, afterRename: true);
        }

        step.Committed = true;
        _fs.SyncDirectory(Durable.Parent(step.TargetPath));
    }

    /// <summary>Puts committed files back from the displaced copies and removes staging files and created directories. Returns false when any of it failed.</summary>
    private bool TryRollBack(List<Applied> steps, List<string> createdDirectories)
    {
        var complete = true;
        foreach (var step in Enumerable.Reverse(steps))
        {
            try
            {
                if (step.Committed)
                {
                    UndoCommit(step);
                }
                else if (step.StagingPath is not null && _fs.GetEntry(step.StagingPath) is { } staged)
                {
                    ClearReadOnly(staged);
                    _fs.DeleteFile(step.StagingPath);
                }
            }
            catch (Exception e) when (IoErrors.IsIo(e) || e is BackupException)
            {
                complete = false;
            }
        }

        foreach (var directory in Enumerable.Reverse(createdDirectories))
        {
            try
            {
                DeleteIfEmpty(directory);
            }
            catch (Exception e) when (IoErrors.IsIo(e))
            {
                complete = false;
            }
        }

        return complete;
    }

    private void UndoCommit(Applied step)
    {
        if (_fs.GetEntry(step.TargetPath) is { } current)
        {
            ClearReadOnly(current);
        }

        if (step.Step.Live is not { } live)
        {
            _fs.DeleteFile(step.TargetPath); // a restored file: its content is in the snapshot
            _fs.SyncDirectory(Durable.Parent(step.TargetPath));
            return;
        }

        var staging = SnapshotLayout.StagingPathFor(step.TargetPath, _stagingToken);
        if (_fs.GetEntry(staging) is { } leftover)
        {
            ClearReadOnly(leftover);
            _fs.DeleteFile(staging);
        }

        var identity = RestoreCopies.Stage(_fs, step.DisplacedPath!, live.Sha256, step.Step.RelativePath, FileAttributesToRestore.Of(live), staging);
        RestoreCopies.CheckStillOurs(_fs, identity, staging, afterRename: false);
        _fs.MoveFile(staging, step.TargetPath, overwrite: _fs.GetEntry(step.TargetPath) is not null);
        RestoreCopies.CheckStillOurs(_fs, identity, step.TargetPath, afterRename: true);
        _fs.SyncDirectory(Durable.Parent(step.TargetPath));
        step.Committed = false;
    }

    private void CreateLiveDirectory(string path, List<string> created)
    {
        if (_fs.GetEntry(path) is null)
        {
            created.Add(path);
            _fs.CreateDirectory(path, privateAccess: false);
            _fs.SyncDirectory(Durable.Parent(path));
        }
    }

    private void ClearReadOnly(FileSystemEntry entry)
    {
        // Only a regular file: clearing the flag goes by path, and a link's target is never this run's business.
        if (entry.IsReadOnly && entry.Kind == FileSystemEntryKind.File)
        {
            _fs.SetReadOnly(entry.FullPath, false);
        }
    }

    private void DeleteIfEmpty(string path)
    {
        if (_fs.GetEntry(path)?.Kind == FileSystemEntryKind.Directory && _fs.List(path).Count == 0)
        {
            _fs.DeleteEmptyDirectory(path);
            _fs.SyncDirectory(Durable.Parent(path));
        }
    }

    /// <summary>One planned step and how far the run got with it.</summary>
    private sealed class Applied(RestoreStep step, string targetPath)
    {
        public RestoreStep Step { get; } = step;

        public string TargetPath { get; } = targetPath;

        public string? DisplacedPath { get; set; }

        public string? StagingPath { get; set; }

        /// <summary>Device and inode of the staged file (null where the system does not compare), checked around the rename.</summary>
        public string? StagedIdentity { get; set; }

        public bool Committed { get; set; }
    }
}

