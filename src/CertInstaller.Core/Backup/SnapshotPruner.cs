using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Retention's executor (the store holds the root's lock): verifies every snapshot first, so only intact ones count
/// as newest or as a copy, decides with the <see cref="RetentionPolicy"/>, then deletes each expired snapshot by
/// renaming it to <c>.deleting</c> (synced, so it never comes back as complete after a power cut) before removing it.
/// </summary>
internal static class SnapshotPruner
{
    public static PruneResult Prune(IFileSystem fs, string root, IReadOnlyList<VerificationResult> checks, RetentionPolicy policy)
    {
        var candidates = new List<RetentionCandidate>();
        var unreadable = new List<RetentionDecision>();
        foreach (var check in checks)
        {
            var path = Path.Combine(root, check.SnapshotId);
            if (check.Manifest is null)
            {
                unreadable.Add(new RetentionDecision(check.SnapshotId, true, RetentionReason.FailedVerification));
                continue;
            }

            var snapshot = ManifestReader.Load(fs, check.SnapshotId, path);
            candidates.Add(new RetentionCandidate(snapshot, check.IsValid ? DisplacedHashes(fs, path) : Array.Empty<string>(), check.IsValid));
        }

        var decisions = policy.Decide(candidates).Concat(unreadable).ToList();
        var leftovers = new List<string>();
        IoErrors.Wrap(
            () =>
            {
                foreach (var decision in decisions.Where(d => !d.Keep))
                {
                    var path = Path.Combine(root, decision.Id);
                    var deleting = path + SnapshotLayout.DeletingSuffix;
                    fs.MoveDirectory(path, deleting); // readers stop seeing it at once
                    fs.SyncDirectory(root);
                    fs.DeleteDirectoryTree(deleting);
                }

                foreach (var entry in fs.List(root))
                {
                    if (entry.Kind == FileSystemEntryKind.Directory
                        && (entry.Name.EndsWith(SnapshotLayout.PartialSuffix, StringComparison.Ordinal)
                            || entry.Name.EndsWith(SnapshotLayout.DeletingSuffix, StringComparison.Ordinal)))
                    {
                        fs.DeleteDirectoryTree(entry.FullPath);
                        leftovers.Add(entry.Name);
                    }
                }

                fs.SyncDirectory(root);
            },
            e => new BackupException(
                BackupErrorCode.PruneFailed,
                root,
                $"Deleting old snapshots failed part-way: {e.Message} Snapshots kept by the policy were not touched.",
                "Run the prune again; folders named *.deleting or *.partial are safe to delete by hand.",
                e));

        return new PruneResult(decisions, leftovers, checks.Where(c => !c.IsValid).ToList());
    }

    /// <summary>SHA-256 of every displaced file: from each run's <c>restore.json</c> where it recorded them, else hashed.</summary>
    private static IReadOnlyCollection<string> DisplacedHashes(IFileSystem fs, string snapshotPath)
    {
        var displaced = Path.Combine(snapshotPath, SnapshotLayout.DisplacedFolder);
        if (fs.GetEntry(displaced)?.Kind != FileSystemEntryKind.Directory)
        {
            return Array.Empty<string>();
        }

        var hashes = new List<string>();
        foreach (var run in fs.List(displaced).Where(e => e.Kind == FileSystemEntryKind.Directory))
        {
            var recorded = RestoreRecord.TryRead(fs, Path.Combine(run.FullPath, SnapshotLayout.RestoreReportFile));
            if (recorded is not null)
            {
                hashes.AddRange(recorded);
                continue;
            }

            // A run that stopped before writing its record (crash): hash what it kept.
            var scan = FolderScan.Of(fs, Path.Combine(run.FullPath, SnapshotLayout.FilesFolder), BackupErrorCode.ManifestUnreadable);
            hashes.AddRange(scan.Files.Select(f => FileHasher.Hash(fs, f.Entry.FullPath).Sha256));
        }

        return hashes;
    }
}
