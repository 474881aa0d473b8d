using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>Re-hashes every file of a snapshot against its (already loaded, path-checked) manifest.</summary>
internal static class SnapshotVerifier
{
    public static VerificationResult Verify(IFileSystem fs, string id, string snapshotPath, SnapshotManifest manifest)
    {
        var issues = new List<VerificationIssue>();
        var filesRoot = Path.Combine(snapshotPath, SnapshotLayout.FilesFolder);
        if (fs.GetEntry(filesRoot)?.Kind == FileSystemEntryKind.Link)
        {
            return new VerificationResult(id, manifest.Files.Count, new[] { new VerificationIssue(VerificationIssueCode.UnexpectedLink, null, "The snapshot's files folder is a link.") });
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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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

        return new VerificationResult(
            id,
            manifest.Files.Count,
            issues.OrderBy(i => i.RelativePath, StringComparer.Ordinal).ThenBy(i => i.Code).ToList());
    }
}
