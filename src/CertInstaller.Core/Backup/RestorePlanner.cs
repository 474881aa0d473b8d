namespace CertInstaller.Core.Backup;

/// <summary>
/// Decides a restore from the snapshot's manifest and a picture of the live folder, without touching the disk (Kopia
/// keeps deciding apart from writing the same way): which files are unchanged, restored, replaced or removed, which
/// directories to create or tidy, and what is in the way (<see cref="BackupErrorCode.TargetConflict"/>).
/// </summary>
internal static class RestorePlanner
{
    public static RestorePlan Plan(string snapshotId, string target, SnapshotManifest manifest, RestoreScope scope, IReadOnlyList<ManifestEntry> entries, LiveFolder live, StringComparer comparer)
    {
        CheckConflicts(snapshotId, target, entries, live, comparer);
        var exact = scope == RestoreScope.Exact;
        var steps = new List<RestoreStep>();
        var unchanged = new List<string>();
        foreach (var entry in entries)
        {
            var file = live.Files.TryGetValue(entry.RelativePath, out var found) ? found : null;
            if (file is not null && file.Entry.Length == entry.Size && string.Equals(file.Sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                unchanged.Add(entry.RelativePath);
                continue;
            }

            steps.Add(new RestoreStep(entry.RelativePath, file is null ? RestoreFileAction.Restored : RestoreFileAction.Replaced, entry, file));
        }

        if (exact)
        {
            var listed = new HashSet<string>(manifest.Files.Select(f => f.RelativePath), comparer);
            foreach (var pair in live.Files.Where(p => !listed.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                steps.Add(new RestoreStep(pair.Key, RestoreFileAction.Removed, null, pair.Value));
            }
        }

        var folderWanted = !exact || manifest.SourceExisted;
        var create = !folderWanted ? Array.Empty<string>()
            : exact ? manifest.Directories.ToArray()
            : entries.Select(e => RelativePath.Parent(e.RelativePath)).OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        var keep = new HashSet<string>(manifest.Directories, comparer);
        var tidy = exact ? live.Directories.Where(d => !keep.Contains(d)).OrderByDescending(d => d.Length).ToArray() : Array.Empty<string>();
        var links = exact ? live.Links.OrderBy(l => l, StringComparer.Ordinal).ToArray() : Array.Empty<string>();
        return new RestorePlan(steps, unchanged, folderWanted, create, tidy, links);
    }

    private static void CheckConflicts(string snapshotId, string target, IReadOnlyList<ManifestEntry> entries, LiveFolder live, StringComparer comparer)
    {
        var links = new HashSet<string>(live.Links, comparer);
        var directories = new HashSet<string>(live.Directories, comparer);
        foreach (var entry in entries)
        {
            var relative = entry.RelativePath;
            if (links.Contains(relative) || directories.Contains(relative))
            {
                throw Conflict(snapshotId, target, relative, "a link or a directory is where the snapshot has a file");
            }

            for (var parent = RelativePath.Parent(relative); parent is not null; parent = RelativePath.Parent(parent))
            {
                if (links.Contains(parent) || live.Files.ContainsKey(parent))
                {
                    throw Conflict(snapshotId, target, parent, "a link or a file is where the snapshot has a directory (links are never followed)");
                }
            }
        }
    }

    private static BackupException Conflict(string snapshotId, string target, string relative, string what) => new(
        BackupErrorCode.TargetConflict,
        RelativePath.Combine(target, relative),
        $"Cannot restore snapshot {snapshotId}: {what}. Nothing was changed.",
        "Move that entry out of the certificates folder, then run the restore again.");
}
