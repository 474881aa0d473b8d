using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Preservation;

/// <summary>Compares the pre-install snapshot with the live folder and decides, per third-party file, what to put back.</summary>
public sealed class PreservationPlanner(IFileSystem fileSystem)
{
    /// <summary>Plans over the third-party entries of <paramref name="manifest"/>; <paramref name="live"/> classifies the live files,
    /// <paramref name="keyOwners"/> maps key files to their certificate.</summary>
    /// <remarks>Keys follow their certificate's decision: a key must match the certificate that ends up in the folder,
    /// even when an interrupted run already put that certificate back.</remarks>
    public IReadOnlyList<PreservationItem> Plan(SnapshotManifest manifest, string certDir,
        IReadOnlyDictionary<string, FileClassification> live, IReadOnlyDictionary<string, string> keyOwners)
    {
        var thirdParty = manifest.Files.Where(f => f.Origin == FileOrigin.ThirdParty).OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        var items = new Dictionary<string, PreservationItem>(StringComparer.Ordinal);
        foreach (var entry in thirdParty.Where(f => !keyOwners.ContainsKey(f.RelativePath)))
            items[entry.RelativePath] = Decide(entry, certDir, live, owner: null);
        foreach (var entry in thirdParty.Where(f => keyOwners.ContainsKey(f.RelativePath)))
            items[entry.RelativePath] = Decide(entry, certDir, live, items.TryGetValue(keyOwners[entry.RelativePath], out var o) ? o : null);
        return thirdParty.Select(f => items[f.RelativePath]).ToList();
    }

    private PreservationItem Decide(ManifestEntry entry, string certDir, IReadOnlyDictionary<string, FileClassification> live, PreservationItem? owner)
    {
        var full = RelativePath.Combine(certDir, entry.RelativePath);
        if (owner?.Decision == PreservationDecision.KeptChangedByAdmin)
            return new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin, $"its certificate {owner.RelativePath} was changed by an admin; left as it is");
        var current = fileSystem.GetEntry(full);
        if (current is null)
            return new(entry.RelativePath, PreservationDecision.PutBackMissing, "the install removed it");
        if (current.Kind != FileSystemEntryKind.File)
            return new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin,
                $"{current.Kind.Describe()} now sits where the snapshot has this file; it is never opened or replaced: remove it, then run preserve again");
        var (_, sha) = FileHasher.Hash(fileSystem, full);
        if (sha.Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase))
            return new(entry.RelativePath, PreservationDecision.Unchanged, "byte-identical to the snapshot");
        if (owner is not null)
            return new(entry.RelativePath, PreservationDecision.PutBackRegenerated, $"it must match its certificate {owner.RelativePath}");
        // A regeneration writes IC-issued files; a live third-party file that differs was put there by someone on purpose.
        var now = live.TryGetValue(entry.RelativePath, out var c) ? c : FileClassification.Unclassified;
        return now.Origin is FileOrigin.ThirdParty
            ? new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin,
                $"it changed since the snapshot but is not IC-issued ({now.Reason}); left as it is: restore it with 'certharness backup restore --third-party-only' if the change was not intended")
            : new(entry.RelativePath, PreservationDecision.PutBackRegenerated, $"the install replaced it ({now.Reason})");
    }
}
