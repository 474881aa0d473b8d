namespace CertInstaller.Core.Backup;

/// <summary>The result of re-hashing every file of a snapshot against its manifest.</summary>
/// <param name="SnapshotId">The snapshot verified.</param>
/// <param name="FilesChecked">How many manifest entries were checked.</param>
/// <param name="Issues">Every problem found, in a stable order.</param>
public sealed record VerificationResult(string SnapshotId, int FilesChecked, IReadOnlyList<VerificationIssue> Issues)
{
    /// <summary>True when nothing was found.</summary>
    public bool IsValid => Issues.Count == 0;
}
