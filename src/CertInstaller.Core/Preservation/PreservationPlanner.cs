using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Preservation;

/// <summary>Compares the pre-install snapshot with the live folder and decides, per third-party file, what to put back.</summary>
/// <remarks>
/// A certificate and its keys move together: a certificate is put back only with its own key. Keys follow their
/// certificate's decision, and a key that differs from the snapshot but still belongs to the certificate that ends up
/// in the folder is left alone. When an admin replaced a key with one that does not belong to the snapshot's certificate
/// and the certificate is gone, the pair is the admin's: neither is put back, both are reported. So a second run finds
/// nothing to do (idempotent).
/// </remarks>
public sealed class PreservationPlanner(IFileSystem fileSystem)
{
    private IReadOnlyDictionary<string, string> _liveHashes = new Dictionary<string, string>();

    /// <summary>Plans over the third-party entries of <paramref name="manifest"/>; <paramref name="live"/> classifies the live files,
    /// <paramref name="keyOwners"/> maps key files to their certificate (the pairs of the snapshot and of the live folder).</summary>
    /// <param name="manifest">The pre-install snapshot's manifest.</param>
    /// <param name="certDir">The live folder.</param>
    /// <param name="live">How the live files classify now.</param>
    /// <param name="keyOwners">Key file → certificate file.</param>
    /// <param name="keyBelongs">(key, certificate) → true when the live key file is the key of the snapshot's certificate;
    /// null when no key can be checked.</param>
    /// <param name="liveHashes">SHA-256 of live files this step already read (relative path → hash of the bytes it
    /// classified), so they are not hashed again; any other file is hashed here.</param>
    public IReadOnlyList<PreservationItem> Plan(SnapshotManifest manifest, string certDir,
        IReadOnlyDictionary<string, FileClassification> live, IReadOnlyDictionary<string, string> keyOwners,
        Func<string, string, bool>? keyBelongs = null, IReadOnlyDictionary<string, string>? liveHashes = null)
    {
        _liveHashes = liveHashes ?? new Dictionary<string, string>();
        var fits = keyBelongs ?? ((_, _) => false);
        var thirdParty = manifest.Files.Where(f => f.Origin == FileOrigin.ThirdParty).OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        var items = new Dictionary<string, PreservationItem>(StringComparer.Ordinal);
        foreach (var entry in thirdParty.Where(f => !keyOwners.ContainsKey(f.RelativePath)))
            items[entry.RelativePath] = Decide(entry, certDir, live);
        foreach (var entry in thirdParty.Where(f => keyOwners.ContainsKey(f.RelativePath)))
        {
            var certificate = keyOwners[entry.RelativePath];
            items[entry.RelativePath] = items.TryGetValue(certificate, out var owner)
                ? DecideKey(entry, certDir, live, owner, fits)
                : Decide(entry, certDir, live);
        }

        // The admin replaced the key of a certificate that is gone: putting the certificate back would pair it with a key
        // that is not its own (CI2001). The pair is the admin's; report both.
        foreach (var entry in thirdParty.Where(f => keyOwners.ContainsKey(f.RelativePath)))
        {
            var key = items[entry.RelativePath];
            if (key.Decision == PreservationDecision.KeptChangedByAdmin && items.TryGetValue(keyOwners[entry.RelativePath], out var owner)
                && owner.Decision == PreservationDecision.PutBackMissing && !fits(entry.RelativePath, owner.RelativePath))
            {
                items[owner.RelativePath] = new(owner.RelativePath, PreservationDecision.KeptChangedByAdmin,
                    $"not put back: its key {entry.RelativePath} was replaced by an admin and does not belong to it, so the pair is left as the admin left it; " +
                    "if the key change was not intended, restore both from the pre-install snapshot (third-party files only)");
                items[entry.RelativePath] = key with
                {
                    Reason = $"replaced by an admin with a key that does not belong to {owner.RelativePath}; the certificate was not put back, so the pair stays the admin's",
                };
            }
        }

        return thirdParty.Select(f => items[f.RelativePath]).ToList();
    }

    private PreservationItem DecideKey(ManifestEntry entry, string certDir, IReadOnlyDictionary<string, FileClassification> live,
        PreservationItem owner, Func<string, string, bool> fits)
    {
        if (owner.Decision == PreservationDecision.KeptChangedByAdmin)
            return new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin, $"its certificate {owner.RelativePath} was changed by an admin; left as it is");
        var alone = Decide(entry, certDir, live);
        if (alone.Decision is PreservationDecision.Unchanged or PreservationDecision.PutBackMissing || Irregular(entry, certDir))
            return alone;
        // The live key differs from the snapshot. The certificate that ends up in the folder is the snapshot's.
        if (fits(entry.RelativePath, owner.RelativePath))
            return new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin,
                $"it differs from the snapshot but is still the key of {owner.RelativePath}; left as it is");
        return alone.Decision == PreservationDecision.KeptChangedByAdmin && owner.Decision == PreservationDecision.PutBackMissing
            ? alone // the admin replaced the key of a removed certificate: Plan decides the pair
            : new(entry.RelativePath, PreservationDecision.PutBackRegenerated, $"it must match its certificate {owner.RelativePath}");
    }

    private bool Irregular(ManifestEntry entry, string certDir) =>
        fileSystem.GetEntry(RelativePath.Combine(certDir, entry.RelativePath)) is { } e && e.Kind != FileSystemEntryKind.File;

    private PreservationItem Decide(ManifestEntry entry, string certDir, IReadOnlyDictionary<string, FileClassification> live)
    {
        var full = RelativePath.Combine(certDir, entry.RelativePath);
        var current = fileSystem.GetEntry(full);
        if (current is null)
            return new(entry.RelativePath, PreservationDecision.PutBackMissing, "the install removed it");
        if (current.Kind != FileSystemEntryKind.File)
            return new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin,
                $"{current.Kind.Describe()} now sits where the snapshot has this file; it is never opened or replaced: remove it, then run preserve again");
        var sha = _liveHashes.TryGetValue(entry.RelativePath, out var known) ? known : FileHasher.Hash(fileSystem, full).Sha256;
        if (sha.Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase))
            return new(entry.RelativePath, PreservationDecision.Unchanged, "byte-identical to the snapshot");
        // A regeneration writes IC-issued files; a live third-party file that differs was put there by someone on purpose.
        var now = live.TryGetValue(entry.RelativePath, out var c) ? c : FileClassification.Unclassified;
        return now.Origin is FileOrigin.ThirdParty
            ? new(entry.RelativePath, PreservationDecision.KeptChangedByAdmin,
                $"it changed since the snapshot but is not IC-issued ({now.Reason}); left as it is: restore it from the pre-install snapshot (third-party files only) if the change was not intended")
            : new(entry.RelativePath, PreservationDecision.PutBackRegenerated, $"the install replaced it ({now.Reason})");
    }
}
