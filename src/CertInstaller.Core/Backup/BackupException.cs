namespace CertInstaller.Core.Backup;

/// <summary>
/// The one error type of the Backup area: a stable code, the path concerned, what is wrong
/// and what to do about it, so the message alone tells an administrator how to proceed.
/// </summary>
public sealed class BackupException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">Stable code.</param>
    /// <param name="path">The file or folder concerned (may be null).</param>
    /// <param name="problem">What is wrong, in one sentence.</param>
    /// <param name="fix">What to do about it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public BackupException(BackupErrorCode code, string? path, string problem, string fix, Exception? inner = null)
        : base(Format(code, path, problem, fix), inner)
    {
        Code = code;
        FilePath = path;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>Stable code.</summary>
    public BackupErrorCode Code { get; }

    /// <summary>The file or folder concerned.</summary>
    public string? FilePath { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What to do.</summary>
    public string Fix { get; }

    private static string Format(BackupErrorCode code, string? path, string problem, string fix) =>
        $"{Codes.CodeRegistry.Of(code).Text} {code}: {problem}" + (path is null ? string.Empty : $" Path: {path}.") + $" What to do: {fix}";
}
