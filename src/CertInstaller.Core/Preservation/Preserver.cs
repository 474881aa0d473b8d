using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Preservation;

/// <summary>Puts back the third-party files of a pre-install snapshot that the install changed or removed. Idempotent.</summary>
public sealed class Preserver(SnapshotStore store, RunCache? run = null)
{
    private readonly RunCache _run = run ?? new RunCache();

    /// <summary>Plans against the live folder and puts back what the plan says; the live versions go to the snapshot's displaced area.
    /// What is third-party was decided when the snapshot was taken (patterns included).</summary>
    public PreservationResult Preserve(string snapshotId, string certDir)
    {
        var snapshot = store.Open(snapshotId);
        ClassifiedSnapshot.CheckBeforeScan(store, certDir);
        var layout = new LayoutScanner().Scan(certDir);
        // Patterns decide what the snapshot protects; judging whether a live file was regenerated must look at the
        // certificate itself, or every pattern-matched file would look like an admin's deliberate change.
        var classifier = new FolderClassifier(_run);
        var live = layout.Kind == FolderKind.Missing
            ? new Dictionary<string, FileClassification>()
            : classifier.Classify(layout, []);
        // Pairs as the snapshot had them, then as the live folder has them: a key whose certificate was removed is still
        // that certificate's key.
        var snapshotFiles = Path.Combine(snapshot.Path, SnapshotLayout.FilesFolder);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in FolderClassifier.KeyOwners(new LayoutScanner().Scan(snapshotFiles)).Concat(FolderClassifier.KeyOwners(layout)))
            owners[pair.Key] = owners.TryGetValue(pair.Key, out var first) ? first : pair.Value;
        var keys = new KeyCheck(certDir, snapshotFiles, _run.Files);
        // Files the classifier read on the machine's disk are not hashed again; through another file system port (tests'
        // fault injection) the planner hashes each file itself.
        var hashes = store.FileSystem is IO.PhysicalFileSystem ? classifier.Hashes : null;
        var plan = new PreservationPlanner(store.FileSystem).Plan(snapshot.Manifest, certDir, live, owners, keys.LiveKeyBelongsToSnapshotCertificate, hashes);
        var putBack = plan.Where(i => i.Decision is PreservationDecision.PutBackRegenerated or PreservationDecision.PutBackMissing)
            .Select(i => i.RelativePath).ToList();
        var report = putBack.Count == 0 ? null : new SnapshotRestorer(store).PutBack(snapshotId, certDir, putBack);
        return new PreservationResult(snapshotId, plan, report);
    }

    /// <summary>Whether a live key file (private or public) is the key of a certificate in the snapshot.</summary>
    private sealed class KeyCheck(string certDir, string snapshotFiles, ParsedFileCache files)
    {
        private readonly PkiReader _reader = new();

        public bool LiveKeyBelongsToSnapshotCertificate(string key, string certificate)
        {
            var cert = files.Read(_reader, Scanned(snapshotFiles, certificate)).Result.Objects.OfType<CertificateObject>().FirstOrDefault()?.Certificate;
            var live = files.Read(_reader, Scanned(certDir, key)).Result.Objects.FirstOrDefault();
            return (cert, live) switch
            {
                ({ } c, PrivateKeyObject p) => KeyMatcher.Matches(p.Key, c),
                ({ } c, PublicKeyObject p) => SamePublicKey(c, p),
                _ => false,
            };
        }

        private static SourceFile Scanned(string root, string relative) =>
            new(RelativePath.Combine(root, relative), relative);

        private static bool SamePublicKey(X509Certificate certificate, PublicKeyObject key) =>
            Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key.Key).GetEncoded()
                .AsSpan().SequenceEqual(certificate.CertificateStructure.SubjectPublicKeyInfo.GetEncoded());
    }
}

/// <summary>What preservation decided and did.</summary>
/// <param name="SnapshotId">The pre-install snapshot.</param>
/// <param name="Items">Each third-party file of the snapshot and its decision.</param>
/// <param name="Restore">The put-back report, or null when nothing needed putting back.</param>
public sealed record PreservationResult(string SnapshotId, IReadOnlyList<PreservationItem> Items, RestoreReport? Restore)
{
    /// <summary>"N put back, N unchanged, N changed by an admin and left alone".</summary>
    public string Summary =>
        $"{Items.Count(i => i.Decision is PreservationDecision.PutBackRegenerated or PreservationDecision.PutBackMissing)} put back, " +
        $"{Items.Count(i => i.Decision == PreservationDecision.Unchanged)} unchanged, " +
        $"{Items.Count(i => i.Decision == PreservationDecision.KeptChangedByAdmin)} changed by an admin and left alone";
}
