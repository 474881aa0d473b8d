using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Preservation;

/// <summary>Takes a snapshot whose manifest records, per file, whether it is IC-issued or third-party.</summary>
public static class ClassifiedSnapshot
{
    /// <summary>Scans and classifies <paramref name="certDir"/> (globs in <paramref name="preservePatterns"/> force third-party), then snapshots it.</summary>
    public static SnapshotInfo Create(SnapshotStore store, string certDir, string reason, IReadOnlyList<string> preservePatterns)
    {
        var layout = new LayoutScanner().Scan(certDir);
        var classes = layout.Kind == FolderKind.Missing
            ? new Dictionary<string, FileClassification>()
            : new FolderClassifier().Classify(layout, preservePatterns);
        return store.Create(new SnapshotRequest(certDir, reason)
        {
            Classify = path => classes.TryGetValue(path, out var c) ? c : new FileClassification(FileOrigin.Other, "not recognised"),
        });
    }
}
