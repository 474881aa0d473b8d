using System.CommandLine;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.EntryPoint;

namespace CertInstaller.Harness;

/// <summary>Builds the certharness command tree and runs it against the given writers. Each job it joins lives in its
/// own file under EntryPoint/: the verbs (<see cref="VerbTable"/>), --version (<see cref="VersionText"/>), unknown
/// options and verbs (<see cref="UnknownOptions"/>, <see cref="UnknownVerb"/>), secrets in usage errors (<see cref="ArgumentRedaction"/>) and the error to
/// exit code map (<see cref="ErrorExits"/>).</summary>
public static class Cli
{
    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the process exit code (stderr taken as no terminal: no progress line).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, stderrIsTerminal: false);

    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the process exit code. Long verbs show a
    /// progress line on <paramref name="stderr"/> only when <paramref name="stderrIsTerminal"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        using var terminal = Terminal.Scope(stderrIsTerminal);
        var root = new RootCommand("certharness: inspect and validate IC certificates folders");
        VersionText.Attach(root, stdout);
        foreach (var verb in VerbTable.Verbs)
        {
            root.Add(verb());
        }

        var parsed = root.Parse(args);
        var unknown = UnknownOptions.Of(parsed, args);
        if (parsed.Errors.Count > 0 || unknown.Count > 0)
        {
            return ReportUsage(parsed, args, unknown, stderr);
        }

        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parsed.Invoke(config);
        }
        catch (Exception e) when (ErrorExits.Handles(e))
        {
            return ErrorExits.Report(e, Verb(parsed), stderr);
        }
    }

    /// <summary>The verb and its sub-verb as parsed ("backup create", "csr lint-config", "validate"): "backup create"
    /// reads better than "backup" in an error line, and the parse result knows every verb, so none is listed here.</summary>
    internal static string Verb(ParseResult parsed)
    {
        var names = new List<string>();
        for (var command = parsed.CommandResult; command?.Parent is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(" ", names);
    }

    /// <summary>Parse errors and unknown options, each on its own line with every secret hidden; nothing is run.</summary>
    private static int ReportUsage(ParseResult parsed, string[] args, IReadOnlyList<string> unknown, TextWriter stderr)
    {
        var hidden = ArgumentRedaction.HiddenValues(args, parsed.UnmatchedTokens);
        foreach (var error in parsed.Errors)
        {
            stderr.WriteLine("certharness: " + ArgumentRedaction.Redact(error.Message, hidden));
        }

        // The parser's own errors already name an unknown option it left unmatched: add a line only for the option meant.
        foreach (var option in unknown)
        {
            var suggestion = UnknownOptions.Suggestion(option, parsed);
            if (parsed.Errors.Count == 0 || suggestion.Length > 0)
            {
                stderr.WriteLine($"certharness {Verb(parsed)}: unknown option '{ArgumentRedaction.Redact(option, hidden)}'{suggestion}; nothing was run");
            }
        }

        if (UnknownVerb.Suggestion(parsed) is { } verb)
        {
            stderr.WriteLine(verb);
        }

        stderr.WriteLine("run 'certharness --help' for usage");
        return ExitCodes.Usage;
    }
}
