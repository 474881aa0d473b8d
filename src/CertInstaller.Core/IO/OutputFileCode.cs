namespace CertInstaller.Core.IO;

/// <summary>Why a file a run writes (the action log, the <c>run --json</c> summary, the HTML report) was refused; each value
/// is its printed number (CI12001…). Never renumbered.</summary>
public enum OutputFileCode
{
    /// <summary>CI12001: a symbolic link or junction sits at the path; it was not followed and nothing was written.</summary>
    LinkRefused = 12001,

    /// <summary>CI12002: the existing file is not a regular file of this account (another owner, other hard links, a FIFO,
    /// socket, device or directory); nothing was written to it.</summary>
    NotOwnRegularFile = 12002,

    /// <summary>CI12050: a file an admin asked for (a key, CSR or PFX) exists already at its path; it was left as it was and
    /// nothing was written (these files are never overwritten).</summary>
    NewFileExists = 12050,

    /// <summary>CI12051: a file an admin asked for (a key, CSR or PFX) could not be written (no such folder, no access, disk
    /// full); nothing was left at its path, not even part of it.</summary>
    NewFileNotWritten = 12051,
}

/// <summary>A file a run writes was refused before anything was written to it (a planted link, someone else's file).</summary>
public sealed class OutputFileRefusedException : IOException
{
    /// <summary>Creates the error: <paramref name="problem"/> and <paramref name="fix"/> are whole sentences.</summary>
    public OutputFileRefusedException(OutputFileCode code, string path, string problem, string fix)
        : base($"{Codes.CodeRegistry.Of(code).Text} {problem} Nothing was written to it. Fix: {fix}")
    {
        Code = code;
        FilePath = path;
    }

    /// <summary>What was wrong.</summary>
    public OutputFileCode Code { get; }

    /// <summary>The path that was refused.</summary>
    public string FilePath { get; }

    /// <summary>The refusal of a link at <paramref name="path"/>.</summary>
    public static OutputFileRefusedException Link(string path) => new(OutputFileCode.LinkRefused, path,
        $"'{Text.Printable.Escape(path)}' is a symbolic link (or junction); it was not followed.",
        "delete the link and find out who created it (another account may be able to write to that folder), or give a path in a folder only administrators can write.");

    /// <summary>The refusal of an entry at <paramref name="path"/> that is not this account's own regular file.</summary>
    public static OutputFileRefusedException NotOwn(string path, string what) => new(OutputFileCode.NotOwnRegularFile, path,
        $"'{Text.Printable.Escape(path)}' is {what}, not a regular file of this account.",
        "move it away and find out who created it (another account may be able to write to that folder); the next run creates its own file.");
}
