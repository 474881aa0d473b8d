using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Preservation;

/// <summary>Compares the pre-install snapshot with the live folder and decides, per third-party file, what to put back.</summary>
public sealed class PreservationPlanner(IFileSystem fileSystem)
{
    /// <summary>Plans over the third-party entries of <paramref name="manifest"/>; <paramref name="live"/> classifies the live files.</summary>
    public IReadOnlyList<PreservationItem> Plan(SnapshotManifest manifest, string certDir, IReadOnlyDictionary<string, FileClassification> live)
    {
        var items = new List<PreservationItem>();
        foreach (var entry in manifest.Files.Where(f => f.Origin == FileOrigin.ThirdParty).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            var full = RelativePath.Combine(certDir, entry.RelativePath);
            if (fileSystem.GetEntry(full) is null)
            {
                items.Add(new(entry.RelativePath, PreservationDecision.PutBackMissing, "the install removed it"));
                continue;
            }
            var (_, sha) = FileHasher.Hash(fileSystem, full);
            if (sha.Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                items.Add(new(entry.RelativePath, PreservationDecision.Unchanged, "byte-identical to the snapshot"));
                continue;
            }
            // A regeneration writes IC-issued files; a live third-party file that differs was put there by someone on purpose.
            var now = live.TryGetValue(entry.RelativePath, out var c) ? c : FileClassification.Unclassified;
            items.Add(now.Origin is FileOrigin.ThirdParty
                ? new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin,
                    $"it changed since the snapshot but is not IC-issued ({now.Reason}); left as it is: restore it with 'certharness backup restore --third-party-only' if the change was not intended")
                : new(entry.RelativePath, PreservationDecision.PutBackRegenerated, $"the install replaced it ({now.Reason})"));
        }
        return items;
    }
}
