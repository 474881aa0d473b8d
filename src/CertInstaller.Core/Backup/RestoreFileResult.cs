namespace CertInstaller.Core.Backup;

/// <summary>One file's outcome.</summary>
/// <param name="RelativePath">'/'-separated path in the folder.</param>
/// <param name="Action">What was done.</param>
/// <param name="DisplacedPath">Where the previous live file was kept (Replaced, Removed), else null.</param>
/// <param name="DisplacedSha256">SHA-256 of that kept copy, checked when it was made; null when nothing was kept.</param>
public sealed record RestoreFileResult(string RelativePath, RestoreFileAction Action, string? DisplacedPath, string? DisplacedSha256 = null);
