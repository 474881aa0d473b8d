using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Preservation;

/// <summary>Puts back the third-party files of a pre-install snapshot that the install changed or removed. Idempotent.</summary>
public sealed class Preserver(SnapshotStore store)
{
    /// <summary>Plans against the live folder and puts back what the plan says; the live versions go to the snapshot's displaced area.
    /// What is third-party was decided when the snapshot was taken (patterns included).</summary>
    public PreservationResult Preserve(string snapshotId, string certDir)
    {
        var snapshot = store.Open(snapshotId);
        ClassifiedSnapshot.CheckBeforeScan(store, certDir);
        var layout = new LayoutScanner().Scan(certDir);
        // Patterns decide what the snapshot protects; judging whether a live file was regenerated must look at the
        // certificate itself, or every pattern-matched file would look like an admin's deliberate change.
        var live = layout.Kind == FolderKind.Missing
            ? new Dictionary<string, FileClassification>()
            : new FolderClassifier().Classify(layout, []);
        var plan = new PreservationPlanner(store.FileSystem).Plan(snapshot.Manifest, certDir, live, FolderClassifier.KeyOwners(layout));
        var putBack = plan.Where(i => i.Decision is PreservationDecision.PutBackRegenerated or PreservationDecision.PutBackMissing)
            .Select(i => i.RelativePath).ToList();
        var report = putBack.Count == 0 ? null : new SnapshotRestorer(store).PutBack(snapshotId, certDir, putBack);
        return new PreservationResult(snapshotId, plan, report);
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
