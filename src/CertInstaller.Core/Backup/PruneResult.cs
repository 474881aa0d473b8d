namespace CertInstaller.Core.Backup;

/// <summary>What a prune did.</summary>
/// <param name="Decisions">Retention's verdict on every complete snapshot, newest first.</param>
/// <param name="RemovedLeftovers">Names of interrupted-run folders (<c>.partial</c>, <c>.deleting</c>) removed.</param>
public sealed record PruneResult(IReadOnlyList<RetentionDecision> Decisions, IReadOnlyList<string> RemovedLeftovers)
{
    /// <summary>Ids of the snapshots deleted.</summary>
    public IEnumerable<string> Deleted => Decisions.Where(d => !d.Keep).Select(d => d.Id);
}
