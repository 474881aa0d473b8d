using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>
/// Writes files an admin asked for (a key, a CSR, a PFX) that must not exist yet, through <see cref="IFileSystem"/>: the
/// staged write of <see cref="Durable.Place"/> (a new file beside the target under a random name, flushed, renamed into
/// place without replacing anything, the folder synced), with this class's checks and coded errors around it: the path
/// holds the whole file or nothing, never part of a key. Private ones are private
/// from the moment they exist (<see cref="IFileSystem.CreateNewOwnerOnly"/>: Unix 0600; on Windows a protected ACL for the
/// owner and BUILTIN\Administrators, so a key an admin creates from a non-elevated prompt stays readable by that admin).
/// </summary>
public static class NewFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, which must not exist, on the machine's file
    /// system (<see cref="BackupPorts.Machine"/>).</summary>
    /// <exception cref="OutputFileRefusedException">CI12050 (the file exists) or CI12051 (it cannot be written); nothing was written.</exception>
    public static void Write(string path, byte[] content, bool privateAccess) =>
        Write(BackupPorts.Machine.FileSystem, path, content, privateAccess);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, which must not exist, through <paramref name="fs"/>.</summary>
    /// <exception cref="OutputFileRefusedException">CI12050 (something is at the path already: it is left as it was) or
    /// CI12051 (the file cannot be written: nothing is left at the path).</exception>
    public static void Write(IFileSystem fs, string path, byte[] content, bool privateAccess)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw NotWritten(full, "it names no file in a folder", null);
        if (Probe(fs, full) is not null)
        {
            throw Exists(full);
        }

        var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var placed = false;
        try
        {
            // Durable's staged write, created new: an entry that appeared at the path meanwhile fails the rename, never replaced.
            Durable.Place(fs, full, temp, content, privateAccess ? fs.CreateNewOwnerOnly : t => fs.CreateNew(t, privateAccess: false),
                overwrite: false, renamed: () => placed = true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            if (!placed && IsThere(fs, full))
            {
                Remove(fs, temp);
                throw Exists(full); // appeared between the check and the rename: someone else's, left alone
            }

            // Ours alone: the unfinished copy, or the renamed file whose folder entry may not have reached the disk.
            var left = Remove(fs, placed ? full : temp);
            throw NotWritten(full, Text.Messages.Brief(e.Message.Replace(temp, full)), left); // the name the admin gave, not ours
        }
    }

    private static FileSystemEntry? Probe(IFileSystem fs, string path)
    {
        try
        {
            return fs.GetEntry(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritten(path, Text.Messages.Brief(e.Message), null);
        }
    }

    // In the failure path: an entry that cannot even be looked at is not taken for someone else's file.
    private static bool IsThere(IFileSystem fs, string path)
    {
        try
        {
            return fs.GetEntry(path) is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // Best effort: the write's own error is the one to report; a leftover is named in it.
    private static string? Remove(IFileSystem fs, string path)
    {
        try
        {
            if (fs.GetEntry(path) is not null)
            {
                fs.DeleteFile(path);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    private static OutputFileRefusedException Exists(string path) => new(OutputFileCode.NewFileExists, path,
        $"'{Text.Printable.Escape(path)}' exists already; it was left as it was (keys, CSRs and PFX files are never overwritten).",
        "give another file name, or move the existing file away first.");

    private static OutputFileRefusedException NotWritten(string path, string why, string? leftover) => new(OutputFileCode.NewFileNotWritten, path,
        $"'{Text.Printable.Escape(path)}' could not be written ({why})."
            + (leftover is null ? string.Empty : $" Our copy '{Text.Printable.Escape(leftover)}' (possibly incomplete) could not be removed either: delete it."),
        "check that the folder exists, that this account may write there and that the disk has room.");
}
