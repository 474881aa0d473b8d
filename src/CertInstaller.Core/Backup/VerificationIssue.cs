namespace CertInstaller.Core.Backup;

/// <summary>One problem verification found.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="RelativePath">The file concerned ('/' separated), or null for the manifest.</param>
/// <param name="Message">Human-readable detail.</param>
public sealed record VerificationIssue(VerificationIssueCode Code, string? RelativePath, string Message);
