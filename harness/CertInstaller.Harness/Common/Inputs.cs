using System.Globalization;
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
            : throw new HarnessException($"invalid value '{text}' for {option}; options are MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512");
    }

    public static DateTimeOffset At(string? text)
    {
        if (text is null)
        {
            return DateTimeOffset.UtcNow;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new HarnessException($"invalid value '{text}' for --at; expected an ISO 8601 time such as 2026-01-31T12:00:00Z");
    }

    public static string ExistingDirectory(string path) =>
        Directory.Exists(path) ? path : throw new HarnessException($"{path}: no such directory");
}
