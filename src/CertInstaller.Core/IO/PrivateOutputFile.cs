using System.Text;

namespace CertInstaller.Core.IO;

/// <summary>
/// Writes a whole file a run hands to people or tools (the <c>run --json</c> summary, the HTML report): owner-only from the
/// moment it exists and never through a link. A link at the path is refused (CI12001), as is a directory or special file
/// (CI12002). The text goes to a new file beside it whose name is random and that is created exclusively (O_EXCL /
/// CREATE_NEW: a link planted at that name fails the create instead of being followed), mode 0600 (Windows: a protected
/// ACL for the owner, SYSTEM and Administrators), flushed, then renamed over the path and the folder synced
/// (<see cref="Backup.Durable.Place"/>): a rename replaces whatever entry is there, a link swapped in meanwhile included,
/// and never writes through it.
/// </summary>
public static class PrivateOutputFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no BOM).</summary>
    /// <exception cref="OutputFileRefusedException">A link, directory or special file is at the path; nothing was written.</exception>
    public static void Write(IFileSystem fs, string path, string text)
    {
        var full = Path.GetFullPath(path);
        switch (fs.GetEntry(full)?.Kind)
        {
            case FileSystemEntryKind.Link:
                throw OutputFileRefusedException.Link(full);
            case null or FileSystemEntryKind.File:
                break;
            case { } kind:
                throw OutputFileRefusedException.NotOwn(full, kind.Describe());
        }

        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            // Durable's staged write, replacing whatever entry is at the path (a link swapped in meanwhile included).
            Backup.Durable.Place(fs, full, temp, new UTF8Encoding(false).GetBytes(text), t => CreateOwnerOnly(fs, t), overwrite: true);
        }
        catch
        {
            try
            {
                if (fs.GetEntry(temp) is not null)
                {
                    fs.DeleteFile(temp);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The original error is the one to report; a stray .tmp file is harmless and named for what it is.
            }

            throw;
        }
    }

    private static Stream CreateOwnerOnly(IFileSystem fs, string temp)
    {
        var stream = fs.CreateNew(temp, privateAccess: true);
        if (!Platform.IsWindows)
        {
            return stream;
        }

        try
        {
            AccessControl.MakeOwnerOnly(temp); // CreateNew inherits the folder's ACL on Windows; a report folder may be C:\Temp
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
