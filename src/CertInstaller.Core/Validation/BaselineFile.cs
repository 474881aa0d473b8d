namespace CertInstaller.Core.Validation;

/// <summary>A third-party file as it was in the pre-install snapshot: the install must leave it byte-identical.</summary>
/// <param name="RelativePath">Path under the folder, '/'-separated.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the snapshot copy.</param>
public sealed record BaselineFile(string RelativePath, string Sha256)
{
    /// <summary>The third-party files of a snapshot manifest.</summary>
    public static IReadOnlyList<BaselineFile> ThirdPartyOf(Backup.SnapshotManifest manifest) =>
        manifest.Files
            .Where(f => f.Origin == Backup.FileOrigin.ThirdParty)
            .Select(f => new BaselineFile(f.RelativePath, f.Sha256))
            .ToList();
}
