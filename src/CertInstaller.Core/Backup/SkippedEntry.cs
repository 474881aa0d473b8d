namespace CertInstaller.Core.Backup;

/// <summary>An entry of the folder the snapshot does not hold, and why.</summary>
/// <param name="RelativePath">Path relative to the certificates folder, '/' separated.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedEntry(string RelativePath, SkipReason Reason);
