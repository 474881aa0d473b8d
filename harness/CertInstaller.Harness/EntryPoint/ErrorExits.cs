using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
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

    // Every line carries its registry code right after the verb ("certharness validate: CI14005 PolicySettingUnknown: ..."),
    // so a pipeline greps the code whatever the wording.
    private static string Line(Exception error, string verb) => error switch
    {
        HarnessException e => Coded(verb, e.Code, e.Message),
        BackupException e => $"certharness {verb}: {Errors.Describe(e)}",
        PolicyException e => Printable.Escape($"certharness {verb}: {Hints.Append(e.Message, CodeRegistry.Of(e.Code))}"),
        IOException or UnauthorizedAccessException => Coded(verb, CodeRegistry.Of(InputErrorCode.FileAccessFailed),
            $"{Messages.Brief(error.Message)} (check the path and access rights)"),
        _ => Coded(verb, CodeRegistry.Of(InputErrorCode.Unexpected), $"unexpected error: {Messages.Brief(error.Message)}"),
    };

    private static string Coded(string verb, CodeInfo code, string message) =>
        Printable.Escape(Hints.Append($"certharness {verb}: {code.Text} {code.Name}: {message}", code));
}
