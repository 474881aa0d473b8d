using CertInstaller.Core.Codes;
using CertInstaller.Core.Preservation;
using CertInstaller.Core.Validation;

namespace CertInstaller.Installer.Operations;

/// <summary>What an install-time operation did: success or failure, and the lines for the installer log.</summary>
/// <param name="Succeeded">False fails the install (and starts rollback).</param>
/// <param name="Lines">Log lines in order; never hold a secret.</param>
public sealed record ActionOutcome(bool Succeeded, IReadOnlyList<LogLine> Lines)
{
    /// <summary>What Preserve decided and put back, for hosts that report it as data (null for other operations or when it failed).</summary>
    public PreservationResult? Preservation { get; init; }

    /// <summary>The code of every coded line, in order (what tests and hosts match on; the text is for people).</summary>
    public IReadOnlyList<CodeInfo> Codes => Lines.Where(l => l.Code is not null).Select(l => l.Code!).ToList();

    /// <summary>The report Validate judged, for hosts that report findings as data (null for other operations, when off, or when it failed).</summary>
    public ValidationReport? Validation { get; init; }
}

/// <summary>One line for the installer log.</summary>
/// <param name="Level">Info, warning or error.</param>
/// <param name="Text">The line; names the file and the fix where there is one (the code, when there is one, is in the text too).</param>
/// <param name="Code">The registry code the line reports, or null for a line that reports no problem or finding.</param>
public sealed record LogLine(LogLevel Level, string Text, CodeInfo? Code = null)
{
    /// <inheritdoc />
    public override string ToString() => $"CertInstaller {Level.ToString().ToLowerInvariant()}: {Text}";
}

/// <summary>The level of a log line.</summary>
public enum LogLevel
{
    /// <summary>What was done.</summary>
    Info,
    /// <summary>Worth attention; the install goes on.</summary>
    Warning,
    /// <summary>Why the operation failed.</summary>
    Error,
}
