using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Preservation;

/// <summary>Takes a snapshot whose manifest records, per file, whether it is IC-issued or third-party, and the store's part
/// of the folder (<see cref="StoreRecorder"/>).</summary>
public static class ClassifiedSnapshot
{
    /// <summary>Scans and classifies <paramref name="certDir"/> (globs in <paramref name="preservePatterns"/> force third-party), then snapshots it.</summary>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.FolderUnsafe"/> (a volume root or system folder) or
    /// <see cref="BackupErrorCode.InvalidArgument"/> (the folder and the backup root overlap), before anything is read.</exception>
    /// <param name="run">The run's parse cache, so its later steps (validation) find the folder's contents parsed; a new one when null.</param>
    /// <param name="progress">Reports each file copied into the snapshot.</param>
    /// <param name="minDigest">The weakest signature digest a link of the recorded store path may use: the run's validation
    /// minimum, so the record takes the path validation accepts (SHA-256, the policy's default, when the run has none).</param>
    public static SnapshotInfo Create(SnapshotStore store, string certDir, string reason, IReadOnlyList<string> preservePatterns,
        RunCache? run = null, IProgress<IO.WorkProgress>? progress = null, DigestAlgorithm minDigest = DigestAlgorithm.Sha256)
    {
        CheckBeforeScan(store, certDir);
        var layout = new LayoutScanner().Scan(certDir);
        run ??= new RunCache();
        var classifier = new FolderClassifier(run);
        var classes = layout.Kind == FolderKind.Missing
            ? new Dictionary<string, FileClassification>()
            : classifier.Classify(layout, preservePatterns);
        return store.Create(new SnapshotRequest(certDir, reason)
        {
            Classify = path => classes.TryGetValue(path, out var c) ? c : new FileClassification(FileOrigin.Other, "not recognised"),
            RecordStore = () => new StoreRecorder(store.CertificateStores, run, store.Clock.UtcNow, minDigest) { KnownContent = classifier.Hashes }.Record(layout),
        }, progress);
    }

    /// <summary>Refuses, before any scan, a certificates folder that is a volume root or system folder, or that overlaps
    /// the backup root: classifying reads every file, so the checks the store makes must come first.</summary>
    internal static void CheckBeforeScan(SnapshotStore store, string certDir)
    {
        var source = SnapshotStore.NormalizeFolder(certDir);
        IO.FolderGuard.Check(source);
        store.CheckSeparate(source);
    }
}
