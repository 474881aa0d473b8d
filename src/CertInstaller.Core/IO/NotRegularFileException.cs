namespace CertInstaller.Core.IO;

/// <summary>A path that was to be read is not a regular file (a FIFO, socket, device, directory or link), or it was
/// replaced between the check and the open. Nothing was read from it.</summary>
public sealed class NotRegularFileException : IOException
{
    /// <summary>Creates the error for <paramref name="path"/>, which is (now) <paramref name="kind"/>.</summary>
    public NotRegularFileException(string path, FileSystemEntryKind kind, bool replaced)
        : base(replaced
            ? $"'{path}' was replaced while it was being opened (it is now {kind.Describe()}); it was not read. Run the command again once nothing is changing the folder."
            : $"'{path}' is {kind.Describe()}, not a regular file; it is never opened. Remove it from the folder, or replace it with the real file.")
    {
        FilePath = path;
        Kind = kind;
        Replaced = replaced;
    }

    /// <summary>The path.</summary>
    public string FilePath { get; }

    /// <summary>What is at the path (as seen at the open when <see cref="Replaced"/>).</summary>
    public FileSystemEntryKind Kind { get; }

    /// <summary>True when the entry was a regular file at the check and something else (or another file) at the open.</summary>
    public bool Replaced { get; }
}
