namespace CertInstaller.Core.Validation;

/// <summary>A third-party file as it was in the pre-install snapshot: the install must leave it byte-identical.</summary>
/// <param name="RelativePath">Path under the folder, '/'-separated.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the snapshot copy.</param>
public sealed record BaselineFile(string RelativePath, string Sha256);
