using System.Text.Json;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>Reads a snapshot's manifest and validation mark, and refuses a manifest that does not match its folder or
/// names a path outside it.</summary>
internal static class ManifestReader
{
    public static SnapshotInfo Load(IFileSystem fs, string id, string path)
    {
        var manifest = LoadManifest(fs, id, path);
        ValidationMark? validation = null;
        var markPath = Path.Combine(path, SnapshotLayout.ValidationFile);
        if (fs.GetEntry(markPath) is not null)
        {
            try
            {
                validation = Json.Read<ValidationMark>(fs, markPath);
            }
            catch (Exception e) when (IoErrors.IsIo(e) || e is JsonException)
            {
                validation = null; // an unreadable mark counts as not validated
            }
        }

        return new SnapshotInfo(path, manifest, validation);
    }

    public static SnapshotManifest LoadManifest(IFileSystem fs, string id, string snapshotPath)
    {
        var path = Path.Combine(snapshotPath, SnapshotLayout.ManifestFile);
        SnapshotManifest? manifest;
        try
        {
            manifest = Json.Read<SnapshotManifest>(fs, path);
        }
        catch (Exception e) when (IoErrors.IsIo(e) || e is JsonException or NotSupportedException)
        {
            throw Unreadable(path, e.Message, e);
        }

        if (manifest.Id != id || manifest.Files is null || manifest.Directories is null || manifest.Skipped is null)
        {
            throw Unreadable(path, "its id or lists do not match the snapshot folder", null);
        }

        // Optional (absent in snapshots taken before issue 27), but when present it must be whole.
        if (manifest.Store is { Certificates: null } || manifest.Store?.Certificates.Any(c => c is null || c.Thumbprint is null || c.Subject is null) == true)
        {
            throw Unreadable(path, "its store section lacks its certificate list, or a certificate's thumbprint or subject", null);
        }

        var unsafePath = manifest.Files.Select(f => f.RelativePath)
            .Concat(manifest.Directories)
            .FirstOrDefault(p => !RelativePath.IsSafe(p));
        if (unsafePath is not null && Platform.IsWindows && RelativePath.OnlyWindowsRefuses(unsafePath))
        {
            throw new BackupException(
                BackupErrorCode.NameNotSupported,
                unsafePath,
                $"The snapshot (taken on another system) holds '{unsafePath}', a name Windows cannot hold (it has '\\' or ':'); it cannot be restored here.",
                "Restore it on the system it was taken on, rename that file there (without '\\' and ':') and take a new backup.");
        }

        if (unsafePath is not null || manifest.Files.Any(f => f.Sha256 is null || f.Size < 0))
        {
            throw Unreadable(path, $"it lists an unsafe or invalid path ('{unsafePath}')", null);
        }

        return manifest;
    }

    private static BackupException Unreadable(string path, string detail, Exception? inner) => new(
        BackupErrorCode.ManifestUnreadable,
        path,
        $"The snapshot's manifest cannot be used: {detail}.",
        "Use another snapshot; this one cannot be verified or restored.",
        inner);
}
