using System.CommandLine;
using System.CommandLine.Parsing;
using CertInstaller.Core.Text;

namespace CertInstaller.Harness.EntryPoint;

/// <summary>
/// Options the verb does not have, and the option probably meant.
/// </summary>
/// <remarks>
/// Why not System.CommandLine's own typo suggestions (2.0.0, <c>ParseErrorAction.ShowTypoCorrections</c>): they are
/// text it writes itself, not data, so they cannot be redacted, worded or sent to stderr; they come only for a token the
/// parser left unmatched, so <c>inspect f --pasword S3cr3t</c> (both taken as files) and <c>--pasword=S3cr3t</c> get
/// none; and its error for the unmatched value quotes the secret ("Unrecognized command or argument 'S3cr3t'").
/// HostileInputTests and UnknownOptionTests hold both to account. The distance is Core's <see cref="EditDistance"/>,
/// the one that also recognises a misspelt --password in <see cref="CommandLineSecrets"/>.
/// </remarks>
internal static class UnknownOptions
{
    /// <summary>Tokens of the command line that look like options ("--x", "--x=v") but name no option of the verb: System.CommandLine
    /// hands them to an argument that takes several values (inspect's files), so "--pasword S3cr3t" would be read as two files.</summary>
    public static IReadOnlyList<string> Of(ParseResult parsed, string[] args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var command = parsed.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            foreach (var option in command.Command.Options)
            {
                known.Add(option.Name);
                known.UnionWith(option.Aliases);
            }
        }

        var afterDoubleDash = false;
        var unknown = new List<string>();
        foreach (var arg in args)
        {
            afterDoubleDash |= arg == "--";
            if (!afterDoubleDash && arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && !known.Contains(OptionName(arg)))
            {
                unknown.Add(arg);
            }
        }

        return unknown;
    }

    /// <summary>" (did you mean --password?)" when an option of the verb is at most two edits from <paramref name="option"/>, else empty.</summary>
    public static string Suggestion(string option, ParseResult parsed)
    {
        var name = OptionName(option);
        var best = parsed.CommandResult.Command.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            .OrderBy(n => EditDistance.Of(n, name)).FirstOrDefault();
        return best is not null && EditDistance.Of(best, name) <= 2 ? $" (did you mean {best}?)" : string.Empty;
    }

    private static string OptionName(string token)
    {
        var separator = token.IndexOfAny(['=', ':']);
        return separator > 0 ? token.Substring(0, separator) : token;
    }
}
