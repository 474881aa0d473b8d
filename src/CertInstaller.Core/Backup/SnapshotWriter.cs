using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Writes one snapshot of a folder (the store holds both locks): every file copied into <c>&lt;id&gt;.partial/files</c>
/// and flushed to disk, the manifest written and flushed, every directory of the partial tree synced, the copy verified,
/// then the folder renamed to <c>&lt;id&gt;</c> and the root synced. Only then does the snapshot exist for readers, so a
/// power cut at any point leaves either no snapshot or a complete one.
/// </summary>
internal static class SnapshotWriter
{
    public static SnapshotInfo Write(IFileSystem fs, IClock clock, string root, SnapshotRequest request, string source, IProgress<WorkProgress>? progress = null)
    {
        var scan = FolderScan.Of(fs, source, BackupErrorCode.SourceNotAFolder);
        FolderSafety.RefuseOtherWriters(fs, source, scan.Directories.Select(d => RelativePath.Combine(source, d)));
        var now = clock.UtcNow;
        var id = SnapshotLayout.IdFor(now);
        var partial = Path.Combine(root, id + SnapshotLayout.PartialSuffix);
        try
        {
            return WritePartial(fs, root, request, source, progress, scan, now, id, partial);
        }
        catch (Exception e) when (IoErrors.IsIo(e) || e is BackupException)
        {
            RemovePartial(fs, root, partial); // a full disk must not keep the next run from completing
            throw;
        }
    }

    /// <summary>Removes interrupted creates (<c>&lt;id&gt;.partial</c>) this store wrote: the caller holds the root's lock, so
    /// none is being written; only a private directory (ours) is removed, never a link or another account's folder.</summary>
    public static void RemoveStalePartials(IFileSystem fs, string root)
    {
        var removed = false;
        foreach (var entry in fs.List(root))
        {
            if (entry.Kind == FileSystemEntryKind.Directory && entry.Name.EndsWith(SnapshotLayout.PartialSuffix, StringComparison.Ordinal) && fs.IsPrivate(entry.FullPath))
            {
                removed |= RemovePartial(fs, root, entry.FullPath, sync: false);
            }
        }

        if (removed)
        {
            fs.SyncDirectory(root);
        }
    }

    private static bool RemovePartial(IFileSystem fs, string root, string partial, bool sync = true)
    {
        try
        {
            if (fs.GetEntry(partial)?.Kind != FileSystemEntryKind.Directory)
            {
                return false;
            }

            fs.DeleteDirectoryTree(partial);
            if (sync)
            {
                fs.SyncDirectory(root);
            }

            return true;
        }
        catch (Exception e) when (IoErrors.IsIo(e))
        {
            return false; // best effort: readers ignore it, the next create or prune removes it
        }
    }

    // The folder is what the snapshot is for: a store that cannot be read is written down as such, never a failed backup.
    private static StoreSection? RecordStore(SnapshotRequest request)
    {
        try
        {
            return request.RecordStore?.Invoke();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return StoreSection.NotRecorded("reading the stores failed: " + e.Message);
        }
    }

    private static SnapshotInfo WritePartial(IFileSystem fs, string root, SnapshotRequest request, string source, IProgress<WorkProgress>? progress, FolderScan scan, DateTimeOffset now, string id, string partial)
    {
        var filesRoot = Path.Combine(partial, SnapshotLayout.FilesFolder);
        fs.CreateDirectory(partial, privateAccess: true);
        fs.CreateDirectory(filesRoot, privateAccess: true);
        foreach (var directory in scan.Directories)
        {
            fs.CreateDirectory(RelativePath.Combine(filesRoot, directory), privateAccess: true);
        }

        var entries = new List<ManifestEntry>(scan.Files.Count);
        var copied = scan.Files; // every name, a restore's leftover included: no file is left out for its name
        foreach (var (relative, entry) in copied)
        {
            var (input, permissions) = IoErrors.Wrap(
                () => (fs.OpenRead(entry.FullPath), fs.GetPermissions(entry.FullPath)),
                e => new BackupException(
                    BackupErrorCode.SourceFileUnreadable,
                    entry.FullPath,
                    $"Cannot read a file of the certificates folder ({e.Message}). The folder was not changed; no snapshot was completed.",
                    "Close the program that holds the file open (stop the IC services), or give this account read access, then run the backup again.",
                    e));

            (long Size, string Sha256) written;
            using (input)
            {
                written = FileHasher.CopyNew(fs, input, RelativePath.Combine(filesRoot, relative), privateAccess: true);
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
                classification.Reason ?? string.Empty,
                permissions));
            progress?.Report(new WorkProgress(entries.Count, copied.Count, WorkProgress.FolderOf(relative)));
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
            scan.Links.Select(l => new SkippedEntry(l, SkipReason.Link)).ToList(),
            RecordStore(request));
        Json.WriteNew(fs, Path.Combine(partial, SnapshotLayout.ManifestFile), manifest, privateAccess: true);

        // Directory entries are durable only once their directory is synced: deepest first, the partial folder last.
        foreach (var directory in scan.Directories.OrderByDescending(d => d.Length))
        {
            fs.SyncDirectory(RelativePath.Combine(filesRoot, directory));
        }

        fs.SyncDirectory(filesRoot);
        fs.SyncDirectory(partial);

        var verification = SnapshotVerifier.VerifyFolder(fs, id, partial);
        if (!verification.IsValid)
        {
            var first = verification.Issues[0];
            throw new BackupException(
                BackupErrorCode.BackupFailed,
                partial,
                $"The snapshot did not verify after writing ({first.Code} on {first.RelativePath}: {first.Message}). The certificates folder was not changed.",
                "Check the disk holding the backup folder, then run the backup again.");
        }

        if (!scan.Exists && fs.GetEntry(source) is not null)
        {
            throw new BackupException(
                BackupErrorCode.FolderChangedDuringBackup,
                source,
                "The certificates folder appeared while the backup recorded it as missing; no snapshot was completed.",
                "Let the program that creates the folder finish, then run the backup again.");
        }

        var final = Path.Combine(root, id);
        fs.MoveDirectory(partial, final);
        fs.SyncDirectory(root);
        return new SnapshotInfo(final, manifest, null);
    }
}
