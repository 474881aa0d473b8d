namespace CertInstaller.Core.Backup;

/// <summary>Everything a snapshot holds, stored as <c>manifest.json</c> (camelCase) next to the files.</summary>
/// <param name="FormatVersion">Manifest format; currently 1.</param>
/// <param name="Id">Snapshot id, sortable by time (<c>20261126T221500Z-1a2b3c</c>).</param>
/// <param name="ToolVersion">CertInstaller version that wrote it.</param>
/// <param name="SourcePath">The certificates folder, as given.</param>
/// <param name="SourceExisted">False when the folder did not exist (first install); restoring then removes it.</param>
/// <param name="Reason">Why the snapshot was taken (e.g. "install", "uninstall", "manual").</param>
/// <param name="CreatedUtc">When it was taken.</param>
/// <param name="MachineName">Machine it was taken on.</param>
/// <param name="Directories">Every directory under the folder, '/' separated (empty ones included).</param>
/// <param name="Files">Every file.</param>
/// <param name="Skipped">Entries not copied (links), with the reason.</param>
/// <param name="Store">The LocalMachine store certificates the folder relied on (optional: null in snapshots taken before it
/// was recorded, and when the caller asked for none; those still read, verify and restore).</param>
public sealed record SnapshotManifest(
    int FormatVersion,
    string Id,
    string ToolVersion,
    string SourcePath,
    bool SourceExisted,
    string Reason,
    DateTimeOffset CreatedUtc,
    string MachineName,
    IReadOnlyList<string> Directories,
    IReadOnlyList<ManifestEntry> Files,
    IReadOnlyList<SkippedEntry> Skipped,
    StoreSection? Store = null)
{
    /// <summary>The current format version.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The files classified <see cref="FileOrigin.ThirdParty"/>, in manifest order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<ManifestEntry> ThirdPartyFiles => Files.Where(f => f.Origin == FileOrigin.ThirdParty);
}
