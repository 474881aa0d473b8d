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
        var folderWanted = !exact || manifest.SourceExisted;
        if (folderWanted)
        {
            CreateLiveDirectory(_target);
            IEnumerable<string> directories = exact
                ? manifest.Directories
                : entries.Select(e => RelativePath.Parent(e.RelativePath)).OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(d => d, StringComparer.Ordinal);
            foreach (var directory in directories)
            {
                CreateLiveDirectory(RelativePath.Combine(_target, directory));
            }
        }

        foreach (var entry in entries)
        {
            RestoreFile(entry, liveFiles.TryGetValue(entry.RelativePath, out var live) ? live : null);
        }

        if (!exact)
        {
            return;
        }

        var listed = new HashSet<string>(manifest.Files.Select(f => f.RelativePath), comparer);
        foreach (var pair in liveFiles.Where(p => !listed.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var displaced = Displace(pair.Key, pair.Value, null);
            ClearReadOnly(pair.Value);
            _fs.DeleteFile(pair.Value.FullPath);
            Results.Add(new RestoreFileResult(pair.Key, RestoreFileAction.Removed, displaced));
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
                new { snapshotId = _snapshot.Id, target = _target, files = Results },
                privateAccess: true);
        }
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

    private void RestoreFile(ManifestEntry entry, FileSystemEntry? live)
    {
        var targetPath = RelativePath.Combine(_target, entry.RelativePath);
        string? liveSha = null;
        if (live is not null)
        {
            liveSha = FileHasher.Hash(_fs, live.FullPath).Sha256;
            if (live.Length == entry.Size && string.Equals(liveSha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                Results.Add(new RestoreFileResult(entry.RelativePath, RestoreFileAction.Unchanged, null));
                return;
            }
        }

        var displaced = live is null ? null : Displace(entry.RelativePath, live, liveSha);
        var staging = targetPath + SnapshotLayout.StagingSuffix;
        var (_, stagedSha) = FileHasher.CopyNew(_fs, RelativePath.Combine(_snapshotFiles, entry.RelativePath), staging, privateAccess: false);
        if (!string.Equals(stagedSha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new IOException($"The snapshot copy of '{entry.RelativePath}' changed during the restore (SHA-256 {stagedSha}).");
        }

        _fs.SetTimes(staging, entry.CreatedUtc, entry.ModifiedUtc);
        if (entry.ReadOnly)
        {
            _fs.SetReadOnly(staging, true);
        }

        if (live is not null)
        {
            ClearReadOnly(live);
        }

        _fs.MoveFile(staging, live?.FullPath ?? targetPath, overwrite: live is not null);
        Results.Add(new RestoreFileResult(
            entry.RelativePath,
            live is null ? RestoreFileAction.Restored : RestoreFileAction.Replaced,
            displaced));
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

    private void CreateLiveDirectory(string path)
    {
        if (_fs.GetEntry(path) is null)
        {
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
}
