using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Writes that survive a power cut, after restic's <c>local.Save</c>: write, flush to disk, close; then rename into
/// place and sync the directory. A file counts only once all of that happened.
/// </summary>
public static class Durable
{
    /// <summary>Creates <paramref name="path"/> (it must not exist) holding <paramref name="bytes"/>, flushed to disk.</summary>
    public static void WriteNew(IFileSystem fs, string path, byte[] bytes, bool privateAccess)
    {
        using var stream = fs.CreateNew(path, privateAccess);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush();
        fs.FlushToDisk(stream);
    }

    /// <summary>Writes a temporary file next to <paramref name="path"/>, flushes it, renames it over (or onto) the path and syncs the directory.</summary>
    public static void Replace(IFileSystem fs, string path, byte[] bytes, bool privateAccess, bool overwrite = true)
    {
        var temp = TempFor(path);
        WriteNew(fs, temp, bytes, privateAccess);
        fs.MoveFile(temp, path, overwrite);
        fs.SyncDirectory(Parent(path));
    }

    /// <summary>Deletes a file and syncs its directory, so it does not come back after a power cut.</summary>
    public static void Delete(IFileSystem fs, string path)
    {
        fs.DeleteFile(path);
        fs.SyncDirectory(Parent(path));
    }

    /// <summary>A unique temporary name next to <paramref name="path"/>.</summary>
    public static string TempFor(string path) => path + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp";

    /// <summary>The folder holding <paramref name="path"/>.</summary>
    public static string Parent(string path) => Path.GetDirectoryName(path) ?? path;
}
