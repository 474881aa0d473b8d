namespace CertInstaller.Core.Backup;

/// <summary>One file of a snapshot.</summary>
/// <param name="RelativePath">Path relative to the certificates folder, '/' separated.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex.</param>
/// <param name="CreatedUtc">Creation time of the live file, UTC.</param>
/// <param name="ModifiedUtc">Last write time of the live file, UTC.</param>
/// <param name="ReadOnly">Whether the live file had the read-only attribute.</param>
/// <param name="Origin">Classification supplied by the caller.</param>
/// <param name="OriginReason">Why the caller classified it so.</param>
/// <param name="Permissions">The live file's own permissions: Unix mode in octal, or on Windows the SDDL of its explicit
/// ACL (null when it only inherited, and in manifests written before this was recorded). A restore gives them back.</param>
public sealed record ManifestEntry(
    string RelativePath,
    long Size,
    string Sha256,
    DateTime CreatedUtc,
    DateTime ModifiedUtc,
    bool ReadOnly,
    FileOrigin Origin,
    string OriginReason,
    string? Permissions = null);
