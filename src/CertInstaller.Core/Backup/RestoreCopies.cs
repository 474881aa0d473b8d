using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>The two copies a restore makes per file, each checked and on disk before the live file changes: the
/// snapshot's file staged next to its target, and the live file kept aside in the displaced area.</summary>
internal static class RestoreCopies
{
    /// <summary>
    /// Copies <paramref name="source"/> to the new file <paramref name="staging"/> (created exclusively and private, so a
    /// link or file already there is refused, never followed), checks its SHA-256 against <paramref name="expectedSha"/>
    /// when given, gives it the recorded times, read-only flag and permissions through the open handle (never by path,
    /// which another account could have swapped for a link meanwhile), flushes it, and returns its identity (device and
    /// inode; null where the system does not compare) for the rename's checks.
    /// </summary>
    /// <exception cref="BackupException"><see cref="BackupErrorCode.StagingTampered"/> when something already sits at the staging path.</exception>
    public static string? Stage(IFileSystem fs, string source, string? expectedSha, string relativePath, FileAttributesToRestore attributes, string staging)
    {
        using var input = fs.OpenRead(source);
        Stream output;
        try
        {
            output = fs.CreateNew(staging, privateAccess: true);
        }
        catch (IOException e) when (fs.GetEntry(staging) is { } planted)
        {
            throw Tampered(staging, $"something ({planted.Kind.Describe()}) was placed at the staging path before the file was created", e);
        }

        using (output)
        {
            var (_, stagedSha) = FileHasher.CopyInto(input, output);
            if (expectedSha is not null && !string.Equals(stagedSha, expectedSha, StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"The copy of '{relativePath}' changed during the restore (SHA-256 {stagedSha}).");
            }

            // Private until here; the recorded permissions go on last (on Unix the mode also carries the read-only bit).
            fs.ApplyAttributesOnHandle(output, attributes.CreatedUtc, attributes.ModifiedUtc, attributes.ReadOnly, attributes.Permissions);
            fs.FlushToDisk(output); // on disk (content and attributes) before the rename publishes it
            return fs.IdentityOfHandle(output);
        }
    }

    /// <summary>Checks, before a rename, that <paramref name="staging"/> is still the file this run staged (identity), and
    /// after it that <paramref name="target"/> is; a planted link or file is reported, never used.</summary>
    public static void CheckStillOurs(IFileSystem fs, string? identity, string path, bool afterRename)
    {
        if (identity is null)
        {
            return; // this system does not compare identities (README, security)
        }

        var now = fs.IdentityOfEntry(path);
        if (!string.Equals(now, identity, StringComparison.Ordinal))
        {
            throw Tampered(
                path,
                afterRename
                    ? "another entry replaced the restored file right after it was renamed into place"
                    : "the staged file was replaced (by a link or another file) before it was renamed into place",
                null);
        }
    }

    private static BackupException Tampered(string path, string what, Exception? inner) => new(
        BackupErrorCode.StagingTampered,
        path,
        $"Restore stopped: {what}. Another account can change this folder; nothing was changed through that entry, and the files this restore had already changed were put back.",
        "Find who else can write to the certificates folder or its parent folders (owner, group and other write permission), remove that access, then run the restore again.",
        inner);

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
