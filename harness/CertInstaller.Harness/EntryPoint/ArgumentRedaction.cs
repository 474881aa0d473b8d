using CertInstaller.Core.Text;

namespace CertInstaller.Harness.EntryPoint;

/// <summary>Keeps a secret given on the command line out of every usage error: a mistyped option (--pasword S3cr3t)
/// leaves its value unmatched, or takes it for a file name, and the parser's message would quote it.</summary>
internal static class ArgumentRedaction
{
    /// <summary>What a hidden value is printed as.</summary>
    public const string HiddenText = "(a value, not shown)";

    /// <summary>Values that must not be printed: what Core's <see cref="CommandLineSecrets"/> finds (the value of a
    /// password-like option, mistyped or not, in every form), and every unmatched token that is not an option name.</summary>
    public static IReadOnlyList<string> HiddenValues(string[] args, IReadOnlyList<string> unmatched) =>
        CommandLineSecrets.Values(args, tolerateMisspellings: true)
            .Concat(unmatched.Where(t => !t.StartsWith("-", StringComparison.Ordinal)))
            .Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(h => h.Length).ToList();

    /// <summary><paramref name="message"/> with every hidden value replaced and control characters escaped.</summary>
    public static string Redact(string message, IReadOnlyList<string> hidden) =>
        Printable.Escape(CommandLineSecrets.Redact(message, hidden, HiddenText));
}
