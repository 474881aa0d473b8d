using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>The two copies a restore makes per file, each checked and on disk before the live file changes: the
/// snapshot's file staged next to its target, and the live file kept aside in the displaced area.</summary>
internal static class RestoreCopies
{
    /// <summary>Copies the snapshot's file to <paramref name="staging"/>, checks it, and gives it the recorded times and permissions.</summary>
    public static void Stage(IFileSystem fs, string source, ManifestEntry entry, string staging)
    {
        // Staged private (0600 on Unix), then given the snapshot's recorded permissions before the rename publishes it.
        var (_, stagedSha) = FileHasher.CopyNew(fs, source, staging, privateAccess: true);
        if (!string.Equals(stagedSha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new IOException($"The snapshot copy of '{entry.RelativePath}' changed during the restore (SHA-256 {stagedSha}).");
        }

        fs.SetTimes(staging, entry.CreatedUtc, entry.ModifiedUtc);
        if (entry.ReadOnly)
        {
            fs.SetReadOnly(staging, true);
        }

        if (entry.Permissions is { } permissions)
        {
            fs.SetPermissions(staging, permissions); // last: on Unix the mode also carries the read-only bit
        }
    }

    /// <summary>Copies a live file to <paramref name="destination"/> in a displaced area, on disk, and checks the copy; returns its path.</summary>
    public static string Displace(IFileSystem fs, string snapshotPath, string destination, LiveFile live)
    {
        var directory = Durable.Parent(destination);
        if (fs.GetEntry(directory) is null)
        {
            fs.CreateDirectory(directory, privateAccess: true);
            for (var d = directory; d.Length > snapshotPath.Length; d = Durable.Parent(d))
            {
                fs.SyncDirectory(Durable.Parent(d)); // each new directory's entry, up to the snapshot folder
            }
        }

        var (_, copiedSha) = FileHasher.CopyNew(fs, live.Entry.FullPath, destination, privateAccess: true);
        fs.SyncDirectory(directory); // the kept copy is on disk before the live file changes
        var (_, checkSha) = FileHasher.Hash(fs, destination);
        if (!string.Equals(copiedSha, checkSha, StringComparison.Ordinal)
            || (live.Sha256 is not null && !string.Equals(copiedSha, live.Sha256, StringComparison.Ordinal)))
        {
            throw new BackupException(
                BackupErrorCode.LiveFileChanged,
                live.Entry.FullPath,
                "The live file changed while it was being kept aside, so it was left in place.",
                "Stop whatever writes to the certificates folder (IC services, Setup Assistant), then run the restore again.");
        }

        return destination;
    }
}
