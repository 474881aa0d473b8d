using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Digests;

/// <summary>What happened to a signed object between the baseline and now.</summary>
public enum DigestChange
{
    /// <summary>The same bytes as before.</summary>
    Unchanged = 1,
    /// <summary>Still there, with other bytes: re-signed (or replaced; <c>KeyKept</c> and <c>SubjectKept</c> tell which).</summary>
    Resigned = 2,
    /// <summary>Not in the baseline.</summary>
    Added = 3,
    /// <summary>In the baseline, gone now.</summary>
    Removed = 4,
}

/// <summary>One signed object (by path and position in its file) before and after a digest conversion.</summary>
public sealed record DigestChangeEntry(
    string Path,
    int Index,
    string Kind,
    string Subject,
    DigestChange Change,
    DigestAlgorithm? Before,
    DigestAlgorithm? After,
    bool? KeyKept,
    bool? SubjectKept,
    bool Ok);

/// <summary>A remote or off-server folder that still holds the old issuer (a copy of it, or certificates it signed with the old digest).</summary>
public sealed record StaleIssuerFolder(string Folder, string OldIssuer, IReadOnlyList<string> Files);

/// <summary>The conversion report: the target digest (a minimum, or exact), every signed object, what is still SHA-1, and the stale folders.</summary>
public sealed record DigestBaselineReport(
    string Baseline,
    DigestAlgorithm Target,
    bool Exact,
    IReadOnlyList<DigestChangeEntry> Entries,
    IReadOnlyList<string> StillSha1,
    IReadOnlyList<StaleIssuerFolder> StaleFolders)
{
    /// <summary>True when every current object meets the target and no remote folder still holds the old issuer.</summary>
    public bool AllOk => Entries.All(e => e.Ok) && StaleFolders.Count == 0;
}

/// <summary>
/// Compares a certificates folder with its state before IC's "Manage Certificate Digest" conversion (a folder, or a
/// snapshot written by <c>backup create</c>, read through <see cref="SnapshotStore"/>). Classification reuses
/// <see cref="DigestScanner"/>; this file only pairs and compares.
/// </summary>
public static class DigestBaseline
{
    /// <summary>The files of <paramref name="path"/> as they were: a snapshot folder (<c>&lt;root&gt;/&lt;id&gt;</c>), a backup root
    /// (its newest snapshot), or a plain folder; and a one-line description of which it was.</summary>
    /// <param name="path">The snapshot, backup root or folder.</param>
    /// <param name="reader">Reads a plain folder's files.</param>
    /// <param name="fileSystem">The file-system port snapshots are read through; <see cref="BackupPorts.Machine"/>'s by default.</param>
    /// <exception cref="BackupException">The snapshot's manifest is unreadable (CI10007, naming it) or its files do not verify.</exception>
    public static (string Description, IReadOnlyList<(SourceFile File, ReadResult Result)> Files) Read(string path, PkiReader reader, IO.IFileSystem? fileSystem = null)
    {
        var fs = fileSystem ?? BackupPorts.Machine.FileSystem;
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        SnapshotInfo? snapshot = null;
        SnapshotStore? store = null;
        if (IsManifest(fs, Path.Combine(full, SnapshotLayout.ManifestFile)) && Path.GetDirectoryName(full) is { } parent)
        {
            store = new SnapshotStore(parent, fs);
            snapshot = store.Open(Path.GetFileName(full));
        }
        else if (new SnapshotStore(full, fs) is var root && root.NewestIntact() is { } newest)
        {
            (store, snapshot) = (root, newest);
        }

        if (snapshot is null || store is null)
        {
            return ($"folder {full}", new FolderReader(reader).ReadAll(full));
        }

        var verification = store.Verify(snapshot.Id);
        if (!verification.IsValid)
        {
            var first = verification.Issues[0];
            throw new BackupException(BackupErrorCode.ManifestUnreadable, snapshot.Path,
                $"The snapshot does not verify ({first.Code} on {first.RelativePath}: {first.Message}).", "Use another snapshot as the baseline.");
        }

        return ($"snapshot {snapshot.Id} of {snapshot.Manifest.SourcePath}",
            new FolderReader(reader).ReadAll(Path.Combine(snapshot.Path, SnapshotLayout.FilesFolder)));
    }

    // A regular file named like a manifest makes the folder a snapshot; one whose presence cannot be checked is reported,
    // not taken for a plain folder (whose files would then be compared as if they were the certificates).
    private static bool IsManifest(IO.IFileSystem fs, string manifest)
    {
        try
        {
            return fs.GetEntry(manifest)?.Kind == IO.FileSystemEntryKind.File;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(BackupErrorCode.ManifestUnreadable, manifest,
                $"The snapshot's manifest cannot be checked: {e.Message}.", "Run as an account that may read the backup root (an administrator), or use another baseline.", e);
        }
    }

    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/>; <paramref name="exact"/> judges every digest
    /// against exactly <paramref name="target"/> (the reverse conversion), otherwise it is a minimum. <paramref name="offServer"/> are
    /// off-server component folders (or copies of them) to search for the old issuer, besides the folder's own remote folders.</summary>
    public static DigestBaselineReport Compare(
        string baselineDescription,
        IReadOnlyList<(SourceFile File, ReadResult Result)> current,
        IReadOnlyList<(SourceFile File, ReadResult Result)> baseline,
        DigestAlgorithm target,
        bool exact,
        IReadOnlyList<(string Folder, IReadOnlyList<(SourceFile File, ReadResult Result)> Files)> offServer)
    {
        var policy = new DigestPolicy(exact ? DigestAlgorithm.Md2 : target);
        bool Meets(DigestAlgorithm d) => exact ? d == target : policy.Accepts(d);
        var now = Entries(DigestScanner.Classify(current, policy));
        var before = Entries(DigestScanner.Classify(baseline, policy));
        var entries = new List<DigestChangeEntry>();
        foreach (var key in now.Keys.Union(before.Keys).OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.Index))
        {
            now.TryGetValue(key, out var a);
            before.TryGetValue(key, out var b);
            if (a is null)
            {
                entries.Add(new(key.Path, key.Index, b!.Kind, b.Subject, DigestChange.Removed, b.Signature.Digest, null, null, null, true));
                continue;
            }

            if (b is null)
            {
                entries.Add(new(key.Path, key.Index, a.Kind, a.Subject, DigestChange.Added, null, a.Signature.Digest, null, null, Meets(a.Signature.Digest)));
                continue;
            }

            var same = a.Certificate is not null && b.Certificate is not null
                ? a.Certificate.Equals(b.Certificate)
                : a.Subject == b.Subject && a.Signature == b.Signature;
            bool? keyKept = a.Certificate is not null && b.Certificate is not null
                ? a.Certificate.CertificateStructure.SubjectPublicKeyInfo.Equals(b.Certificate.CertificateStructure.SubjectPublicKeyInfo)
                : null;
            entries.Add(new(key.Path, key.Index, a.Kind, a.Subject, same ? DigestChange.Unchanged : DigestChange.Resigned,
                b.Signature.Digest, a.Signature.Digest, keyKept, a.Subject == b.Subject, Meets(a.Signature.Digest)));
        }

        var stillSha1 = now.Values.Where(e => e.Kind == "certificate" && e.Signature.Digest is > DigestAlgorithm.Unknown and <= DigestAlgorithm.Sha1)
            .Select(e => e.File.RelativePath).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();

        // The old issuers: CA certificates of the baseline that the conversion re-signed or removed.
        var oldIssuers = entries.Where(e => e.Change is DigestChange.Resigned or DigestChange.Removed && e.Kind == "certificate")
            .Select(e => before[(e.Path, e.Index)].Certificate!)
            .Where(c => c.GetBasicConstraints() >= 0 || c.SubjectDN.Equivalent(c.IssuerDN, true))
            .Distinct() // the same CA sits in several files (ServerGroup\, every trusted file): one old issuer each
            .ToList();
        var currentCertificates = new HashSet<X509Certificate>(now.Values.Where(e => e.Certificate is not null).Select(e => e.Certificate!));
        var remote = now.Values.Where(e => e.Certificate is not null && LayoutScanner.Classify(e.File.RelativePath).Role is CertificateRole.RemoteSubsystem or CertificateRole.RemoteClient)
            .GroupBy(e => Folder(e.File.RelativePath))
            .Select(g => (Folder: g.Key, Certificates: g.Select(e => (e.File.RelativePath, e.Certificate!)).ToList()))
            .Concat(offServer.Select(o => (o.Folder, Certificates: o.Files.Where(f => f.Result.Ok)
                .SelectMany(f => CertificateSource.CertificatesOf(f.Result).Select(c => (f.File.RelativePath, c))).ToList())));
        var stale = new List<StaleIssuerFolder>();
        foreach (var (folder, certificates) in remote)
        {
            foreach (var issuer in oldIssuers)
            {
                var files = certificates.Where(c => c.Item2.Equals(issuer)
                        || (c.Item2.IssuerDN.Equivalent(issuer.SubjectDN, true) && !currentCertificates.Contains(c.Item2)
                            && !Meets(PkiDescriber.DescribeSignature(c.Item2.CertificateStructure.SignatureAlgorithm).Digest)))
                    .Select(c => c.Item1).Distinct().ToList();
                if (files.Count > 0)
                {
                    stale.Add(new StaleIssuerFolder(folder, PkiDescriber.DescribeName(issuer.SubjectDN).OneLine, files));
                }
            }
        }

        // One row per folder and old issuer name (an old issuer and a copy re-encoded elsewhere name the same CA).
        stale = stale.GroupBy(f => (f.Folder, f.OldIssuer))
            .Select(g => new StaleIssuerFolder(g.Key.Folder, g.Key.OldIssuer, g.SelectMany(f => f.Files).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
        return new DigestBaselineReport(baselineDescription, target, exact, entries, stillSha1, stale);
    }

    private static Dictionary<(string Path, int Index), DigestEntry> Entries(DigestReport report) =>
        report.Entries.GroupBy(e => e.File.RelativePath)
            .SelectMany(g => g.Select((e, i) => (Key: (g.Key, i), Entry: e)))
            .ToDictionary(x => x.Key, x => x.Entry);

    private static string Folder(string relativePath) => relativePath.Contains('/') ? relativePath.Substring(0, relativePath.LastIndexOf('/')) : string.Empty;
}
