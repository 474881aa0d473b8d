using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Harness.Common;

/// <summary>Turns Core read errors into one stderr line naming the file, with harness-specific fix hints.</summary>
internal static class Errors
{
    public static string Line(string verb, ReadError error)
    {
        var hint = error.Code == ReadErrorCode.PasswordRequired
            ? $"give --password, --password-file or set {CommonOptions.PasswordVariable}"
            : error.Hint;
        return $"certharness {verb}: {error.Path}: {error.Problem} ({hint})";
    }
}
