using CertInstaller.Core.Backup;
using CertInstaller.Core.Text;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;

namespace CertInstaller.Harness.EntryPoint;

/// <summary>The one boundary where an error a verb throws becomes a line on stderr and an exit code: every one is
/// <see cref="ExitCodes.Usage"/> (bad usage or unreadable input), never a stack trace.</summary>
internal static class ErrorExits
{
    /// <summary>True when <paramref name="error"/> is reported here rather than crashing the process (everything but out of memory).</summary>
    public static bool Handles(Exception error) => error is not OutOfMemoryException;

    /// <summary>Writes the error line for <paramref name="error"/>, raised by <paramref name="verb"/>, and returns the exit code.</summary>
    public static int Report(Exception error, string verb, TextWriter stderr)
    {
        stderr.WriteLine(Line(error, verb));
        return ExitCodes.Usage;
    }

    private static string Line(Exception error, string verb) => error switch
    {
        HarnessException e => Printable.Escape(e.Message.StartsWith("certharness", StringComparison.Ordinal) ? e.Message : $"certharness {verb}: {e.Message}"),
        BackupException e => $"certharness {verb}: {Errors.Describe(e)}",
        PolicyException e => $"certharness {verb}: {e.Message}",
        IOException or UnauthorizedAccessException => $"certharness {verb}: {Messages.Brief(error.Message)} (check the path and access rights)",
        _ => $"certharness {verb}: unexpected error: {Messages.Brief(error.Message)}",
    };
}
