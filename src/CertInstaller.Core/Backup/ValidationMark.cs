namespace CertInstaller.Core.Backup;

/// <summary>The outcome of validating the folder a snapshot was taken of (written after the fact; retention keeps the newest clean one).</summary>
/// <param name="Clean">True when validation found nothing at or above the failure threshold.</param>
/// <param name="Summary">A one-line summary.</param>
/// <param name="MarkedUtc">When it was recorded.</param>
public sealed record ValidationMark(bool Clean, string Summary, DateTimeOffset MarkedUtc);
