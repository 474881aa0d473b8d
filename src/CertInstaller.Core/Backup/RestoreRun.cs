using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>One restore run: the steps, in a crash-safe order.</summary>
internal sealed class RestoreRun
{
    private readonly IFileSystem _fs;
    private readonly SnapshotInfo _snapshot;
    private readonly string _target;
    private readonly string _snapshotFiles;
    private readonly string _displacedFiles;

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

    public bool DisplacedUsed { get; private set; }

    public List<RestoreFileResult> Results { get; } = new();

    /// <summary>True when a failed run put every file back as it was before this run.</summary>
    public bool RolledBack { get; private set; }

    /// <summary>
    /// Plans, then prepares every change without touching a live file (displaced copies, staging
    /// files next to their targets), then commits with one rename or delete per file, then tidies
    /// directories. On an error it puts the committed files back (best effort) before rethrowing.
    /// </summary>
    public void Execute(RestoreScope scope, IReadOnlyList<ManifestEntry> entries)
    {
        var manifest = _snapshot.Manifest;
        var comparer = _fs.PathComparer;
        var scan = FolderScan.Of(_fs, _target, BackupErrorCode.TargetConflict);
        var liveFiles = new Dictionary<string, FileSystemEntry>(comparer);
        foreach (var (relative, entry) in scan.Files)
        {
            if (entry.Name.EndsWith(SnapshotLayout.StagingSuffix, StringComparison.Ordinal))
            {
                // Our own leftover from an interrupted restore: a copy of snapshot content.
                ClearReadOnly(entry);
                _fs.DeleteFile(entry.FullPath);
                Results.Add(new RestoreFileResult(relative, RestoreFileAction.StagingLeftoverDeleted, null));
            }
            else
            {
                liveFiles[relative] = entry;
            }
        }

        var liveLinks = new HashSet<string>(scan.Links, comparer);
        var liveDirectories = new HashSet<string>(scan.Directories, comparer);
        CheckConflicts(entries, liveFiles, liveLinks, liveDirectories);

        var exact = scope == RestoreScope.Exact;
        var steps = new List<Step>();
        var folderWanted = !exact || manifest.SourceExisted;
        var createdDirectories = new List<string>();
        try
        {
            steps.AddRange(Plan(exact, entries, liveFiles));
            if (folderWanted)
            {
                IEnumerable<string> directories = exact
                    ? manifest.Directories
                    : entries.Select(e => RelativePath.Parent(e.RelativePath)).OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(d => d, StringComparer.Ordinal);
                CreateLiveDirectory(_target, createdDirectories);
                foreach (var directory in directories)
                {
                    CreateLiveDirectory(RelativePath.Combine(_target, directory), createdDirectories);
                }
            }

            foreach (var step in steps)
            {
                Prepare(step);
            }

            foreach (var step in steps)
            {
                Commit(step);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BackupException)
        {
            RolledBack = TryRollBack(steps, createdDirectories);
            throw;
        }

        Results.AddRange(steps.Select(s => new RestoreFileResult(s.RelativePath, s.Action, s.DisplacedPath)));
        if (!exact)
        {
            return;
        }

        foreach (var link in scan.Links)
        {
            Results.Add(new RestoreFileResult(link, RestoreFileAction.LinkLeftInPlace, null));
        }

        var keepDirectories = new HashSet<string>(manifest.Directories, comparer);
        foreach (var directory in scan.Directories.Where(d => !keepDirectories.Contains(d)).OrderByDescending(d => d.Length))
        {
            DeleteIfEmpty(RelativePath.Combine(_target, directory));
        }

        if (!folderWanted && scan.Exists)
        {
            DeleteIfEmpty(_target);
        }

        if (DisplacedUsed)
        {
            Json.WriteNew(
                _fs,
                Path.Combine(DisplacedRoot, SnapshotLayout.RestoreReportFile),
                new DisplacedReport(_snapshot.Id, _target, Results),
                privateAccess: true);
        }
    }

    private List<Step> Plan(bool exact, IReadOnlyList<ManifestEntry> entries, Dictionary<string, FileSystemEntry> liveFiles)
    {
        var steps = new List<Step>();
        foreach (var entry in entries)
        {
            var live = liveFiles.TryGetValue(entry.RelativePath, out var found) ? found : null;
            string? liveSha = null;
            if (live is not null)
            {
                liveSha = FileHasher.Hash(_fs, live.FullPath).Sha256;
                if (live.Length == entry.Size && string.Equals(liveSha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    Results.Add(new RestoreFileResult(entry.RelativePath, RestoreFileAction.Unchanged, null));
                    continue;
                }
            }

            steps.Add(new Step(
                entry.RelativePath,
                live is null ? RestoreFileAction.Restored : RestoreFileAction.Replaced,
                entry,
                live,
                liveSha,
                live?.FullPath ?? RelativePath.Combine(_target, entry.RelativePath)));
        }

        if (exact)
        {
            var listed = new HashSet<string>(_snapshot.Manifest.Files.Select(f => f.RelativePath), _fs.PathComparer);
            foreach (var pair in liveFiles.Where(p => !listed.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                steps.Add(new Step(pair.Key, RestoreFileAction.Removed, null, pair.Value, null, pair.Value.FullPath));
            }
        }

        return steps;
    }

    /// <summary>Keeps the live file aside and stages the snapshot's; no live file changes.</summary>
    private void Prepare(Step step)
    {
        if (step.Live is not null)
        {
            step.DisplacedPath = Displace(step.RelativePath, step.Live, step.LiveSha);
        }

        if (step.Entry is not null)
        {
            step.StagingPath = step.TargetPath + SnapshotLayout.StagingSuffix;
            Stage(step.Entry, step.StagingPath);
        }
    }

    /// <summary>One atomic change to the live folder per file (after clearing a read-only attribute).</summary>
    private void Commit(Step step)
    {
        if (step.Live is not null)
        {
            ClearReadOnly(step.Live);
        }

        if (step.StagingPath is null)
        {
            _fs.DeleteFile(step.TargetPath);
        }
        else
        {
            _fs.MoveFile(step.StagingPath, step.TargetPath, overwrite: step.Live is not null);
        }

        step.Committed = true;
    }

    /// <summary>Puts committed files back from the displaced copies and removes staging files and created directories. Returns false when any of it failed.</summary>
    private bool TryRollBack(List<Step> steps, List<string> createdDirectories)
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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BackupException)
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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                complete = false;
            }
        }

        return complete;
    }

    private void UndoCommit(Step step)
    {
        if (_fs.GetEntry(step.TargetPath) is { } current)
        {
            ClearReadOnly(current);
        }

        if (step.Live is null)
        {
            _fs.DeleteFile(step.TargetPath); // a restored file: its content is in the snapshot
            return;
        }

        var staging = step.TargetPath + SnapshotLayout.StagingSuffix;
        if (_fs.GetEntry(staging) is { } leftover)
        {
            ClearReadOnly(leftover);
            _fs.DeleteFile(staging);
        }

        var (_, sha) = FileHasher.CopyNew(_fs, step.DisplacedPath!, staging, privateAccess: true);
        if (!string.Equals(sha, step.LiveSha ?? sha, StringComparison.Ordinal))
        {
            throw new IOException($"The displaced copy of '{step.RelativePath}' changed.");
        }

        _fs.SetTimes(staging, step.Live.CreatedUtc, step.Live.ModifiedUtc);
        if (step.Live.IsReadOnly)
        {
            _fs.SetReadOnly(staging, true);
        }

        _fs.MoveFile(staging, step.TargetPath, overwrite: step.Entry is not null);
        step.Committed = false;
    }

    private void CheckConflicts(
        IReadOnlyList<ManifestEntry> entries,
        Dictionary<string, FileSystemEntry> liveFiles,
        HashSet<string> liveLinks,
        HashSet<string> liveDirectories)
    {
        foreach (var entry in entries)
        {
            var relative = entry.RelativePath;
            if (liveLinks.Contains(relative) || liveDirectories.Contains(relative))
            {
                throw Conflict(relative, "a link or a directory is where the snapshot has a file");
            }

            for (var parent = RelativePath.Parent(relative); parent is not null; parent = RelativePath.Parent(parent))
            {
                if (liveLinks.Contains(parent) || liveFiles.ContainsKey(parent))
                {
                    throw Conflict(parent, "a link or a file is where the snapshot has a directory (links are never followed)");
                }
            }
        }
    }

    private BackupException Conflict(string relative, string what) => new(
        BackupErrorCode.TargetConflict,
        RelativePath.Combine(_target, relative),
        $"Cannot restore snapshot {_snapshot.Id}: {what}. Nothing was changed.",
        "Move that entry out of the certificates folder, then run the restore again.");

    private void Stage(ManifestEntry entry, string staging)
    {
        // Private on Unix (0600): a restored private key must not come back world-readable. On Windows the file
        // inherits the certificates folder's ACL, as the product's own files do.
        var (_, stagedSha) = FileHasher.CopyNew(_fs, RelativePath.Combine(_snapshotFiles, entry.RelativePath), staging, privateAccess: true);
        if (!string.Equals(stagedSha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new IOException($"The snapshot copy of '{entry.RelativePath}' changed during the restore (SHA-256 {stagedSha}).");
        }

        _fs.SetTimes(staging, entry.CreatedUtc, entry.ModifiedUtc);
        if (entry.ReadOnly)
        {
            _fs.SetReadOnly(staging, true);
        }
    }

    /// <summary>Copies a live file into this run's displaced area and checks the copy; returns its path.</summary>
    private string Displace(string relative, FileSystemEntry live, string? expectedSha)
    {
        var destination = RelativePath.Combine(_displacedFiles, relative);
        _fs.CreateDirectory(Path.GetDirectoryName(destination)!, privateAccess: true);
        DisplacedUsed = true;
        var (_, copiedSha) = FileHasher.CopyNew(_fs, live.FullPath, destination, privateAccess: true);
        var (_, checkSha) = FileHasher.Hash(_fs, destination);
        if (!string.Equals(copiedSha, checkSha, StringComparison.Ordinal)
            || (expectedSha is not null && !string.Equals(copiedSha, expectedSha, StringComparison.Ordinal)))
        {
            throw new BackupException(
                BackupErrorCode.LiveFileChanged,
                live.FullPath,
                "The live file changed while it was being kept aside, so it was left in place.",
                "Stop whatever writes to the certificates folder (IC services, Setup Assistant), then run the restore again.");
        }

        return destination;
    }

    private void CreateLiveDirectory(string path, List<string> created)
    {
        if (_fs.GetEntry(path) is null)
        {
            created.Add(path);
            _fs.CreateDirectory(path, privateAccess: false);
        }
    }

    private void ClearReadOnly(FileSystemEntry entry)
    {
        if (entry.IsReadOnly)
        {
            _fs.SetReadOnly(entry.FullPath, false);
        }
    }

    private void DeleteIfEmpty(string path)
    {
        if (_fs.GetEntry(path)?.Kind == FileSystemEntryKind.Directory && _fs.List(path).Count == 0)
        {
            _fs.DeleteEmptyDirectory(path);
        }
    }

    /// <summary>One file's change: planned, prepared, committed.</summary>
    private sealed class Step(string relativePath, RestoreFileAction action, ManifestEntry? entry, FileSystemEntry? live, string? liveSha, string targetPath)
    {
        public string RelativePath { get; } = relativePath;

        public RestoreFileAction Action { get; } = action;

        /// <summary>The snapshot's file (null when the live file is removed).</summary>
        public ManifestEntry? Entry { get; } = entry;

        /// <summary>The live file (null when it is missing).</summary>
        public FileSystemEntry? Live { get; } = live;

        public string? LiveSha { get; } = liveSha;

        public string TargetPath { get; } = targetPath;

        public string? DisplacedPath { get; set; }

        public string? StagingPath { get; set; }

        public bool Committed { get; set; }
    }
}

/// <summary>The report a restore leaves beside the files it displaced (a named type for the source-generated JSON).</summary>
internal sealed record DisplacedReport(string SnapshotId, string Target, IReadOnlyList<RestoreFileResult> Files);
