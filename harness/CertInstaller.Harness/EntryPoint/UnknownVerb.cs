using System.CommandLine;
using CertInstaller.Core.Text;

namespace CertInstaller.Harness.EntryPoint;

/// <summary>The verb probably meant when the first word names none (<c>certharness valdate</c>). System.CommandLine's
/// own suggestion is text it prints itself, unredacted and on stdout (see <see cref="UnknownOptions"/>), so the
/// verb is matched here with Core's <see cref="EditDistance"/>; the mistyped word itself is never echoed.</summary>
internal static class UnknownVerb
{
    /// <summary>"certharness: did you mean 'validate'?" (or 'backup create') when the command parsed has sub-verbs and
    /// one is at most two edits from the first word the parser left unmatched; null otherwise.</summary>
    public static string? Suggestion(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var word = parsed.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith("-", StringComparison.Ordinal));
        if (command.Subcommands.Count == 0 || word is null)
        {
            return null;
        }

        var best = command.Subcommands.Select(c => c.Name)
            .OrderBy(n => EditDistance.Of(n, word)).FirstOrDefault();
        if (best is null || EditDistance.Of(best, word) > 2)
        {
            return null;
        }

        var parent = Cli.Verb(parsed);
        return $"certharness: did you mean '{(parent.Length == 0 ? best : parent + " " + best)}'?";
    }
}
