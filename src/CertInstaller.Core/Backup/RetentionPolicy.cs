namespace CertInstaller.Core.Backup;

/// <summary>
/// Which snapshots to keep: the <see cref="KeepNewest"/> newest intact ones, the newest intact one whose folder
/// validated clean, and any snapshot holding the only intact copy (by SHA-256) of a third-party file or of a file a
/// restore displaced. A snapshot that failed verification fills no slot, counts as no copy and is kept. Everything
/// else may be deleted.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="keepNewest">How many of the newest snapshots to keep; at least 1.</param>
    public RetentionPolicy(int keepNewest)
    {
        if (keepNewest < 1)
        {
            throw new BackupException(
                BackupErrorCode.InvalidArgument,
                null,
                $"Retention must keep at least 1 snapshot; {keepNewest} was given.",
                "Keep 1 or more snapshots (the default is 10).");
        }

        KeepNewest = keepNewest;
    }

    /// <summary>How many of the newest snapshots are kept.</summary>
    public int KeepNewest { get; }

    /// <summary>Decides, for every candidate, keep or delete and why. Candidates may come in any order.</summary>
    public IReadOnlyList<RetentionDecision> Decide(IReadOnlyList<RetentionCandidate> candidates)
    {
        var ordered = candidates
            .OrderByDescending(c => c.Snapshot.Manifest.CreatedUtc)
            .ThenByDescending(c => c.Snapshot.Id, StringComparer.Ordinal)
            .ToList();
        var reasons = new Dictionary<string, RetentionReason>(StringComparer.Ordinal);
        foreach (var failed in ordered.Where(c => !c.Intact))
        {
            reasons[failed.Snapshot.Id] = RetentionReason.FailedVerification;
        }

        var intact = ordered.Where(c => c.Intact).ToList();
        foreach (var candidate in intact.Take(KeepNewest))
        {
            reasons[candidate.Snapshot.Id] = RetentionReason.Newest;
        }

        var newestClean = intact.FirstOrDefault(c => c.Snapshot.Validation?.Clean == true);
        if (newestClean is not null && !reasons.ContainsKey(newestClean.Snapshot.Id))
        {
            reasons[newestClean.Snapshot.Id] = RetentionReason.NewestValidatedClean;
        }

        var keptContent = new HashSet<string>(
            intact.Where(c => reasons.ContainsKey(c.Snapshot.Id)).SelectMany(AllContent),
            StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in intact.Where(c => !reasons.ContainsKey(c.Snapshot.Id)))
        {
            var thirdParty = candidate.Snapshot.Manifest.ThirdPartyFiles.Any(f => !keptContent.Contains(f.Sha256));
            var displaced = candidate.DisplacedSha256.Any(h => !keptContent.Contains(h));
            if (thirdParty || displaced)
            {
                reasons[candidate.Snapshot.Id] = thirdParty ? RetentionReason.OnlyCopyOfThirdPartyFile : RetentionReason.OnlyCopyOfDisplacedFile;
                keptContent.UnionWith(AllContent(candidate));
            }
        }

        return ordered
            .Select(c => reasons.TryGetValue(c.Snapshot.Id, out var reason)
                ? new RetentionDecision(c.Snapshot.Id, true, reason)
                : new RetentionDecision(c.Snapshot.Id, false, RetentionReason.Expired))
            .ToList();
    }

    private static IEnumerable<string> AllContent(RetentionCandidate candidate) =>
        candidate.Snapshot.Manifest.Files.Select(f => f.Sha256).Concat(candidate.DisplacedSha256);
}
