using System.Globalization;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki;

namespace CertInstaller.Harness.Common;

/// <summary>Shared validation of option values, with the same wording everywhere.</summary>
internal static class Inputs
{
    public static DigestAlgorithm Digest(string? text, string option)
    {
        if (text is null)
        {
            return DigestAlgorithm.Sha256;
        }

        return DigestNames.TryParse(text, out var digest)
            ? digest
            : throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{text}' for {option}; options are MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512");
    }

    public static DateTimeOffset At(string? text)
    {
        if (text is null)
        {
            return DateTimeOffset.UtcNow;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new HarnessException(InputErrorCode.OptionValueInvalid, $"invalid value '{text}' for --at; expected an ISO 8601 time such as 2026-01-31T12:00:00Z");
    }

    public static string ExistingDirectory(string path) =>
        Directory.Exists(path) ? path : throw new HarnessException(InputErrorCode.InputNotFound, $"{path}: no such directory");

    /// <summary>A folder to write generated samples into: missing or empty, never a folder that already holds files
    /// (a mistyped path must not overwrite a live certificates folder with test keys).</summary>
    public static string EmptyOrNewDirectory(string path, string option)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            throw new HarnessException(InputErrorCode.OutputExists, $"{path}: the folder is not empty; give a new or empty folder for {option} (nothing was written)");
        return path;
    }
}
