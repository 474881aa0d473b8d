using System.Text.Json;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Snapshots of one certificates folder under a backup root: create, list, open, verify, mark
/// validated, prune. A snapshot is <c>&lt;root&gt;/&lt;id&gt;/</c> holding <c>manifest.json</c> and
/// <c>files/</c>; it is written as <c>&lt;id&gt;.partial</c>, verified, then renamed. Readers ignore
/// anything that is not a complete snapshot. Every operation that writes holds the root's <see cref="FolderLock"/>.
/// </summary>
public sealed class SnapshotStore
{
    /// <summary>Opens (does not create) the store at <paramref name="backupRoot"/>.</summary>
    /// <param name="backupRoot">Folder holding the snapshots of one certificates folder.</param>
    /// <param name="fileSystem">File-system port; the real one by default.</param>
    /// <param name="clock">Clock for ids and times; the system clock by default.</param>
    /// <param name="lockProbe">Stale-lock detection; the local process table by default.</param>
    public SnapshotStore(string backupRoot, IFileSystem? fileSystem = null, IClock? clock = null, ILockHolderProbe? lockProbe = null)
    {
        if (string.IsNullOrWhiteSpace(backupRoot))
        {
            throw new BackupException(BackupErrorCode.InvalidArgument, null, "No backup folder was given.", "Set CERTINSTALLER_BACKUPDIR to a local folder.");
        }

        Root = NormalizeFolder(backupRoot);
        FileSystem = fileSystem ?? new PhysicalFileSystem();
        Clock = clock ?? new SystemClock();
        LockProbe = lockProbe ?? new ProcessLockHolderProbe();
    }

    /// <summary>The backup root (absolute).</summary>
    public string Root { get; }

    internal IFileSystem FileSystem { get; }

    internal IClock Clock { get; }

    internal ILockHolderProbe LockProbe { get; }

    /// <summary>Takes a snapshot of <see cref="SnapshotRequest.SourceFolder"/>. Never changes that folder.</summary>
    /// <exception cref="BackupException">With the reason; a failed run leaves at most a <c>.partial</c> folder, which readers ignore and prune deletes.</exception>
    public SnapshotInfo Create(SnapshotRequest request)
    {
        var source = NormalizeFolder(request.SourceFolder);
        CheckSeparate(source);
        EnsureRoot();
        using var folderLock = AcquireLock("backup of " + source);
        try
        {
            return CreateLocked(request, source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                BackupErrorCode.BackupFailed,
                Root,
                $"Writing the snapshot failed: {e.Message} The certificates folder was not changed; no snapshot was completed.",
                "Check free space and access to the backup folder, then run the backup again.",
                e);
        }
    }

    /// <summary>The newest complete snapshot, or null when there is none.</summary>
    public SnapshotInfo? Newest() => List().FirstOrDefault();

    /// <summary>Every complete snapshot, newest first. Partial, half-deleted and unreadable ones are ignored.</summary>
    public IReadOnlyList<SnapshotInfo> List()
    {
        if (FileSystem.GetEntry(Root)?.Kind != FileSystemEntryKind.Directory)
        {
            return Array.Empty<SnapshotInfo>();
        }

        var snapshots = new List<SnapshotInfo>();
        foreach (var entry in FileSystem.List(Root))
        {
            if (entry.Kind != FileSystemEntryKind.Directory || !SnapshotLayout.IsSnapshotId(entry.Name))
            {
                continue;
            }

            try
            {
                snapshots.Add(Load(entry.Name, entry.FullPath));
            }
            catch (BackupException)
            {
                // Unreadable: not listed, and so never pruned either.
            }
        }

        return snapshots
            .OrderByDescending(s => s.Manifest.CreatedUtc)
            .ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The complete snapshot <paramref name="id"/>.</summary>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.SnapshotNotFound"/> or <see cref="BackupErrorCode.ManifestUnreadable"/>.</exception>
    public SnapshotInfo Open(string id)
    {
        var path = SnapshotLayout.IsSnapshotId(id) ? Path.Combine(Root, id) : null;
        if (path is null || FileSystem.GetEntry(path)?.Kind != FileSystemEntryKind.Directory)
        {
            throw new BackupException(
                BackupErrorCode.SnapshotNotFound,
                path ?? Root,
                $"There is no complete snapshot '{id}'.",
                "List the snapshots (certharness backup list) and use one of their ids.");
        }

        return Load(id, path);
    }

    /// <summary>Re-hashes every file of snapshot <paramref name="id"/> against its manifest.</summary>
    public VerificationResult Verify(string id)
    {
        var path = Open(id).Path;
        return VerifyFolder(id, path);
    }

    /// <summary>Records the outcome of validating the folder snapshot <paramref name="id"/> was taken of (retention keeps the newest clean one).</summary>
    public void MarkValidated(string id, bool clean, string summary)
    {
        var snapshot = Open(id);
        using var folderLock = AcquireLock("recording validation of snapshot " + id);
        var path = Path.Combine(snapshot.Path, SnapshotLayout.ValidationFile);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        Json.WriteNew(FileSystem, temp, new ValidationMark(clean, summary, Clock.UtcNow), privateAccess: true);
        FileSystem.MoveFile(temp, path, overwrite: true);
    }

    /// <summary>
    /// Deletes the snapshots <paramref name="policy"/> does not keep, and leftovers of interrupted
    /// runs (<c>.partial</c>, <c>.deleting</c>). The only deletion of backups there is.
    /// </summary>
    public PruneResult Prune(RetentionPolicy policy)
    {
        if (FileSystem.GetEntry(Root) is null)
        {
            return new PruneResult(Array.Empty<RetentionDecision>(), Array.Empty<string>());
        }

        using var folderLock = AcquireLock("pruning old snapshots");
        var candidates = List().Select(s => new RetentionCandidate(s, DisplacedHashes(s.Path))).ToList();
        var decisions = policy.Decide(candidates);
        var leftovers = new List<string>();
        try
        {
            foreach (var decision in decisions.Where(d => !d.Keep))
            {
                var path = Path.Combine(Root, decision.Id);
                var deleting = path + SnapshotLayout.DeletingSuffix;
                FileSystem.MoveDirectory(path, deleting); // readers stop seeing it at once
                FileSystem.DeleteDirectoryTree(deleting);
            }

            foreach (var entry in FileSystem.List(Root))
            {
                if (entry.Kind == FileSystemEntryKind.Directory
                    && (entry.Name.EndsWith(SnapshotLayout.PartialSuffix, StringComparison.Ordinal)
                        || entry.Name.EndsWith(SnapshotLayout.DeletingSuffix, StringComparison.Ordinal)))
                {
                    FileSystem.DeleteDirectoryTree(entry.FullPath);
                    leftovers.Add(entry.Name);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                BackupErrorCode.PruneFailed,
                Root,
                $"Deleting old snapshots failed part-way: {e.Message} Snapshots kept by the policy were not touched.",
                "Run the prune again; folders named *.deleting or *.partial are safe to delete by hand.",
                e);
        }

        return new PruneResult(decisions, leftovers);
    }

    /// <summary>Takes the lock on this backup root (creating the root, private, when missing).</summary>
    public FolderLock AcquireLock(string reason)
    {
        EnsureRoot();
        try
        {
            return FolderLock.Acquire(FileSystem, Clock, LockProbe, Root, reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                BackupErrorCode.BackupRootUnusable,
                Path.Combine(Root, SnapshotLayout.LockFile),
                $"Cannot take the lock in the backup folder: {e.Message} Nothing was changed.",
                "Check access to the backup folder (installs run as SYSTEM) and free space, then retry.",
                e);
        }
    }

    /// <summary>Refuses a certificates folder that contains the backup root or lies inside it.</summary>
    internal void CheckSeparate(string folder)
    {
        var comparison = FileSystem.PathComparer.Equals("A", "a") ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        static string WithSeparator(string path) => path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? path : path + Path.DirectorySeparatorChar;
        if (WithSeparator(Root).StartsWith(WithSeparator(folder), comparison) || WithSeparator(folder).StartsWith(WithSeparator(Root), comparison))
        {
            throw new BackupException(
                BackupErrorCode.InvalidArgument,
                folder,
                $"The backup folder '{Root}' and the certificates folder overlap; snapshots would copy or restore themselves. Nothing was changed.",
                "Set CERTINSTALLER_BACKUPDIR to a folder outside the certificates folder (and vice versa).");
        }
    }

    internal static string NormalizeFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        var trimmed = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? full : trimmed;
    }

    internal VerificationResult VerifyFolder(string id, string snapshotPath)
    {
        SnapshotManifest manifest;
        try
        {
            manifest = LoadManifest(id, snapshotPath);
        }
        catch (BackupException e)
        {
            var code = FileSystem.GetEntry(Path.Combine(snapshotPath, SnapshotLayout.ManifestFile)) is null
                ? VerificationIssueCode.ManifestMissing
                : VerificationIssueCode.ManifestUnreadable;
            return new VerificationResult(id, 0, new[] { new VerificationIssue(code, null, e.Problem) });
        }

        return SnapshotVerifier.Verify(FileSystem, id, snapshotPath, manifest);
    }

    private SnapshotInfo CreateLocked(SnapshotRequest request, string source)
    {
        var scan = FolderScan.Of(FileSystem, source, BackupErrorCode.SourceNotAFolder);
        var now = Clock.UtcNow;
        var id = SnapshotLayout.IdFor(now);
        var partial = Path.Combine(Root, id + SnapshotLayout.PartialSuffix);
        var filesRoot = Path.Combine(partial, SnapshotLayout.FilesFolder);
        FileSystem.CreateDirectory(partial, privateAccess: true);
        FileSystem.CreateDirectory(filesRoot, privateAccess: true);
        foreach (var directory in scan.Directories)
        {
            FileSystem.CreateDirectory(RelativePath.Combine(filesRoot, directory), privateAccess: true);
        }

        var entries = new List<ManifestEntry>(scan.Files.Count);
        foreach (var (relative, entry) in scan.Files)
        {
            Stream input;
            try
            {
                input = FileSystem.OpenRead(entry.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BackupException(
                    BackupErrorCode.SourceFileUnreadable,
                    entry.FullPath,
                    $"Cannot read a file of the certificates folder ({e.Message}). The folder was not changed; no snapshot was completed.",
                    "Close the program that holds the file open (stop the IC services), or give this account read access, then run the backup again.",
                    e);
            }

            (long Size, string Sha256) written;
            using (input)
            {
                written = FileHasher.CopyNew(FileSystem, input, RelativePath.Combine(filesRoot, relative), privateAccess: true);
            }

            var classification = request.Classify?.Invoke(relative) ?? FileClassification.Unclassified;
            entries.Add(new ManifestEntry(
                relative,
                written.Size,
                written.Sha256,
                entry.CreatedUtc,
                entry.ModifiedUtc,
                entry.IsReadOnly,
                classification.Origin,
                classification.Reason ?? string.Empty));
        }

        var manifest = new SnapshotManifest(
            SnapshotManifest.CurrentFormatVersion,
            id,
            ToolInfo.Version,
            source,
            scan.Exists,
            request.Reason,
            now,
            request.MachineName,
            scan.Directories,
            entries,
            scan.Links.Select(l => new SkippedEntry(l, SkipReason.Link)).ToList());
        Json.WriteNew(FileSystem, Path.Combine(partial, SnapshotLayout.ManifestFile), manifest, privateAccess: true);

        var verification = VerifyFolder(id, partial);
        if (!verification.IsValid)
        {
            var first = verification.Issues[0];
            throw new BackupException(
                BackupErrorCode.BackupFailed,
                partial,
                $"The snapshot did not verify after writing ({first.Code} on {first.RelativePath}: {first.Message}). The certificates folder was not changed.",
                "Check the disk holding the backup folder, then run the backup again.");
        }

        var final = Path.Combine(Root, id);
        FileSystem.MoveDirectory(partial, final);
        return new SnapshotInfo(id, final, manifest, null);
    }

    private void EnsureRoot()
    {
        try
        {
            if (FileSystem.GetEntry(Root) is null)
            {
                FileSystem.CreateDirectory(Root, privateAccess: true);
            }
            else if (FileSystem.List(Root).All(e => IsOwnEntry(e.Name)))
            {
                // Only a folder that holds nothing but ours is re-secured: CERTINSTALLER_BACKUPDIR=D:\ must not lock
                // everyone out of D:\. Each snapshot is private on its own either way.
                FileSystem.MakePrivate(Root);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            throw new BackupException(
                BackupErrorCode.BackupRootUnusable,
                Root,
                $"Cannot create or secure the backup folder: {e.Message}",
                "Run as an administrator (installs run as SYSTEM), or set CERTINSTALLER_BACKUPDIR to a local folder this account can write.",
                e);
        }
    }

    private static bool IsOwnEntry(string name)
    {
        var bare = name.EndsWith(SnapshotLayout.PartialSuffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - SnapshotLayout.PartialSuffix.Length)
            : name.EndsWith(SnapshotLayout.DeletingSuffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - SnapshotLayout.DeletingSuffix.Length)
            : name;
        return SnapshotLayout.IsSnapshotId(bare) || name.StartsWith(SnapshotLayout.LockFile, StringComparison.Ordinal)
            || name.StartsWith("transaction-", StringComparison.Ordinal) || name.StartsWith("certinstaller-", StringComparison.Ordinal);
    }

    private SnapshotInfo Load(string id, string path)
    {
        var manifest = LoadManifest(id, path);
        ValidationMark? validation = null;
        var markPath = Path.Combine(path, SnapshotLayout.ValidationFile);
        if (FileSystem.GetEntry(markPath) is not null)
        {
            try
            {
                validation = Json.Read<ValidationMark>(FileSystem, markPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                validation = null; // an unreadable mark counts as not validated
            }
        }

        return new SnapshotInfo(id, path, manifest, validation);
    }

    private SnapshotManifest LoadManifest(string id, string snapshotPath)
    {
        var path = Path.Combine(snapshotPath, SnapshotLayout.ManifestFile);
        SnapshotManifest? manifest;
        try
        {
            manifest = Json.Read<SnapshotManifest>(FileSystem, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            throw Unreadable(path, e.Message, e);
        }

        if (manifest.Id != id || manifest.Files is null || manifest.Directories is null || manifest.Skipped is null)
        {
            throw Unreadable(path, "its id or lists do not match the snapshot folder", null);
        }

        var unsafePath = manifest.Files.Select(f => f.RelativePath)
            .Concat(manifest.Directories)
            .FirstOrDefault(p => !RelativePath.IsSafe(p));
        if (unsafePath is not null || manifest.Files.Any(f => f.Sha256 is null || f.Size < 0))
        {
            throw Unreadable(path, $"it lists an unsafe or invalid path ('{unsafePath}')", null);
        }

        return manifest;
    }

    private static BackupException Unreadable(string path, string detail, Exception? inner) => new(
        BackupErrorCode.ManifestUnreadable,
        path,
        $"The snapshot's manifest cannot be used: {detail}.",
        "Use another snapshot; this one cannot be verified or restored.",
        inner);

    private IReadOnlyCollection<string> DisplacedHashes(string snapshotPath)
    {
        var displaced = Path.Combine(snapshotPath, SnapshotLayout.DisplacedFolder);
        var scan = FolderScan.Of(FileSystem, displaced, BackupErrorCode.ManifestUnreadable);
        return scan.Files
            .Where(f => f.RelativePath.Split('/').ElementAtOrDefault(1) == SnapshotLayout.FilesFolder) // <run>/files/...
            .Select(f => FileHasher.Hash(FileSystem, f.Entry.FullPath).Sha256)
            .ToList();
    }
}
