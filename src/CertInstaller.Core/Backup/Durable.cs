using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>
/// Writes that survive a power cut, after restic's <c>local.Save</c>: write, flush to disk, close; then rename into
/// place and sync the directory. A file counts only once all of that happened.
/// </summary>
public static class Durable
{
    /// <summary>Creates <paramref name="path"/> (it must not exist) holding <paramref name="bytes"/>, flushed to disk.</summary>
    public static void WriteNew(IFileSystem fs, string path, byte[] bytes, bool privateAccess) => Fill(fs, fs.CreateNew(path, privateAccess), bytes);

    /// <summary>Writes a temporary file next to <paramref name="path"/>, flushes it, renames it over (or onto) the path and syncs the directory.</summary>
    public static void Replace(IFileSystem fs, string path, byte[] bytes, bool privateAccess, bool overwrite = true) =>
        Place(fs, path, TempFor(path), bytes, temp => fs.CreateNew(temp, privateAccess), overwrite);

    /// <summary>
    /// The one staged write every durable whole file takes (<see cref="Replace"/>, <c>Pki.Creation.NewFile</c>):
    /// <paramref name="create"/> makes <paramref name="temp"/>, the bytes are written and flushed to disk, the file is
    /// renamed to <paramref name="path"/> and the directory is synced. Each step is one call of the port, so a fault at
    /// any of them stops the sequence there; the path holds the whole file or what it held before, never part.
    /// </summary>
    /// <param name="temp">The staging name, beside <paramref name="path"/> (a rename does not cross volumes).</param>
    /// <param name="create">Creates the staging file exclusively with the caller's access (<see cref="IFileSystem.CreateNew"/>,
    /// <see cref="IFileSystem.CreateNewOwnerOnly"/>): a link planted at that name fails the create.</param>
    /// <param name="overwrite">True replaces what is at the path; false creates a new file, the rename failing when anything
    /// is there (it never replaces an entry that appeared meanwhile).</param>
    /// <param name="renamed">Called once the rename succeeded, before the directory sync: a caller that cleans up after a
    /// failure learns whether the file at the path is its own.</param>
    /// <exception cref="IOException">The failing step's error; nothing is cleaned up here (the caller knows what it may remove).</exception>
    public static void Place(IFileSystem fs, string path, string temp, byte[] bytes, Func<string, Stream> create, bool overwrite, Action? renamed = null)
    {
        Fill(fs, create(temp), bytes);
        fs.MoveFile(temp, path, overwrite);
        renamed?.Invoke();
        fs.SyncDirectory(Parent(path));
    }

    private static void Fill(IFileSystem fs, Stream created, byte[] bytes)
    {
        using var stream = created;
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush();
        fs.FlushToDisk(stream);
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
