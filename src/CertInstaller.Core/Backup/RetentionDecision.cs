namespace CertInstaller.Core.Backup;

/// <summary>Retention's verdict on one snapshot.</summary>
/// <param name="Id">Snapshot id.</param>
/// <param name="Keep">True to keep.</param>
/// <param name="Reason">Why.</param>
public sealed record RetentionDecision(string Id, bool Keep, RetentionReason Reason);
