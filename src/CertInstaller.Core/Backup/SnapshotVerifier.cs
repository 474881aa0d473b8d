using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>Checks a snapshot before it counts: its folder is private to this store, its manifest reads, and every file
/// re-hashes to what the manifest says.</summary>
internal static class SnapshotVerifier
{
    /// <summary>Everything <see cref="SnapshotVerifier"/> checks, for the folder <paramref name="snapshotPath"/> named <paramref name="id"/>.</summary>
    public static VerificationResult VerifyFolder(IFileSystem fs, string id, string snapshotPath)
    {
        var issues = new List<VerificationIssue>();
        try
        {
            if (!fs.IsPrivate(snapshotPath))
            {
                issues.Add(new VerificationIssue(VerificationIssueCode.NotPrivate, null,
                    "The snapshot folder is not private to this account and the administrators, so this store did not write it (planted or copied in)."));
            }
        }
        catch (Exception e) when (IoErrors.IsIo(e))
        {
            issues.Add(new VerificationIssue(VerificationIssueCode.NotPrivate, null, $"Cannot read the snapshot folder's permissions: {e.Message}"));
        }

        SnapshotManifest manifest;
        try
        {
            manifest = ManifestReader.LoadManifest(fs, id, snapshotPath);
        }
        catch (BackupException e)
        {
            var code = fs.GetEntry(Path.Combine(snapshotPath, SnapshotLayout.ManifestFile)) is null
                ? VerificationIssueCode.ManifestMissing
                : VerificationIssueCode.ManifestUnreadable;
            issues.Add(new VerificationIssue(code, null, e.Problem));
            return new VerificationResult(id, null, issues);
        }

        var files = Verify(fs, snapshotPath, manifest);
        return new VerificationResult(id, manifest, issues.Concat(files).ToList());
    }

    private static IReadOnlyList<VerificationIssue> Verify(IFileSystem fs, string snapshotPath, SnapshotManifest manifest)
    {
        var issues = new List<VerificationIssue>();
        var filesRoot = Path.Combine(snapshotPath, SnapshotLayout.FilesFolder);
        if (fs.GetEntry(filesRoot)?.Kind == FileSystemEntryKind.Link)
        {
            return new[] { new VerificationIssue(VerificationIssueCode.UnexpectedLink, null, "The snapshot's files folder is a link.") };
        }

        foreach (var file in manifest.Files)
        {
            var path = RelativePath.Combine(filesRoot, file.RelativePath);
            var entry = fs.GetEntry(path);
            if (entry is null || entry.Kind == FileSystemEntryKind.Directory)
            {
                issues.Add(new VerificationIssue(VerificationIssueCode.FileMissing, file.RelativePath, "The file is missing from the snapshot."));
                continue;
            }

            if (entry.Kind == FileSystemEntryKind.Link)
            {
                issues.Add(new VerificationIssue(VerificationIssueCode.UnexpectedLink, file.RelativePath, "The snapshot holds a link where a file belongs."));
                continue;
            }

            if (entry.Length != file.Size)
            {
                issues.Add(new VerificationIssue(VerificationIssueCode.FileSizeMismatch, file.RelativePath, $"Size is {entry.Length} bytes; the manifest says {file.Size}."));
                continue;
            }

            try
            {
                var (_, sha) = FileHasher.Hash(fs, path);
                if (!string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    issues.Add(new VerificationIssue(VerificationIssueCode.FileHashMismatch, file.RelativePath, $"SHA-256 is {sha}; the manifest says {file.Sha256}."));
                }
            }
            catch (Exception e) when (IoErrors.IsIo(e))
            {
                issues.Add(new VerificationIssue(VerificationIssueCode.FileUnreadable, file.RelativePath, e.Message));
            }
        }

        if (fs.GetEntry(filesRoot)?.Kind == FileSystemEntryKind.Directory)
        {
            var listed = new HashSet<string>(manifest.Files.Select(f => f.RelativePath), fs.PathComparer);
            var scan = FolderScan.Of(fs, filesRoot, BackupErrorCode.ManifestUnreadable);
            foreach (var (relative, _) in scan.Files.Where(f => !listed.Contains(f.RelativePath)))
            {
                issues.Add(new VerificationIssue(VerificationIssueCode.FileExtra, relative, "The snapshot holds a file its manifest does not list."));
            }

            foreach (var link in scan.Links.Where(l => !listed.Contains(l)))
            {
                issues.Add(new VerificationIssue(VerificationIssueCode.UnexpectedLink, link, "The snapshot holds a link."));
            }
        }

        return issues.OrderBy(i => i.RelativePath, StringComparer.Ordinal).ThenBy(i => i.Code).ToList();
    }
}
