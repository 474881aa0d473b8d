namespace CertInstaller.Core.Backup;

/// <summary>One file's outcome.</summary>
/// <param name="RelativePath">'/'-separated path in the folder.</param>
/// <param name="Action">What was done.</param>
/// <param name="DisplacedPath">Where the previous live file was kept (Replaced, Removed), else null.</param>
public sealed record RestoreFileResult(string RelativePath, RestoreFileAction Action, string? DisplacedPath);
