using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Harness.Common;

/// <summary>Turns Core read errors into text naming the file, with harness-specific fix hints.</summary>
internal static class Errors
{
    /// <summary>"path: problem (hint)".</summary>
    public static string Describe(ReadError error)
    {
        var hint = error.Code == ReadErrorCode.PasswordRequired
            ? $"give --password, --password-file or set {CommonOptions.PasswordVariable}"
            : error.Hint;
        return Core.Text.Printable.Escape($"{error.Path}: {error.Problem} ({hint})");
    }

    /// <summary>A usage error (exit code 2) for a file that could not be read.</summary>
    public static HarnessException Unreadable(ReadError error) => new(Describe(error));
}
