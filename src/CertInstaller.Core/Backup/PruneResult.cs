namespace CertInstaller.Core.Backup;

/// <summary>What a prune did.</summary>
/// <param name="Decisions">Retention's verdict on every snapshot folder, newest first (failed ones kept with <see cref="RetentionReason.FailedVerification"/>).</param>
/// <param name="RemovedLeftovers">Names of interrupted-run folders (<c>.partial</c>, <c>.deleting</c>) removed.</param>
/// <param name="Failed">The verification of every snapshot that failed it (kept, reported).</param>
public sealed record PruneResult(IReadOnlyList<RetentionDecision> Decisions, IReadOnlyList<string> RemovedLeftovers, IReadOnlyList<VerificationResult> Failed)
{
    /// <summary>Ids of the snapshots deleted.</summary>
    public IEnumerable<string> Deleted => Decisions.Where(d => !d.Keep).Select(d => d.Id);
}
