using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Text;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Commands;
using CertInstaller.Harness.Common;

namespace CertInstaller.Harness;

/// <summary>Builds the certharness command tree and runs it against the given writers.</summary>
public static class Cli
{
    /// <summary>The verbs, one per file under Commands/; add new verbs here.</summary>
    private static readonly IReadOnlyList<Func<Command>> Verbs =
    [
        InspectCommand.Create,
        CsrCommand.Create,
        PfxCommand.Create,
        ImportCheckCommand.Create,
        ChainCommand.Create,
        DigestsCommand.Create,
        ValidateCommand.Create,
        StoreCommand.Create,
        BackupCommand.Create,
        PreserveCommand.Create,
        DemoCommand.Create,
        SampleCommand.Create,
    ];

    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the process exit code (stderr taken as no terminal: no progress line).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, stderrIsTerminal: false);

    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the process exit code. Long verbs show a
    /// progress line on <paramref name="stderr"/> only when <paramref name="stderrIsTerminal"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        using var terminal = Terminal.Scope(stderrIsTerminal);
        var root = new RootCommand("certharness: inspect and validate IC certificates folders");
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion(stdout);
        }

        foreach (var verb in Verbs)
        {
            root.Add(verb());
        }

        var parsed = root.Parse(args);
        var unknown = parsed.Errors.Count == 0 ? UnknownOptions(parsed, args) : [];
        if (parsed.Errors.Count > 0 || unknown.Count > 0)
        {
            // A mistyped option (--pasword S3cr3t) leaves its value unmatched, or takes it for a file name: the message must
            // not print it. Values after a password-like option and unmatched values are hidden; option names are shown.
            var hidden = HiddenValues(args, parsed.UnmatchedTokens);
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("certharness: " + Redact(error.Message, hidden));
            }

            foreach (var option in unknown)
            {
                stderr.WriteLine($"certharness {Verb(parsed)}: unknown option '{Redact(option, hidden)}'{Suggestion(option, parsed)}; nothing was run");
            }

            stderr.WriteLine("run 'certharness --help' for usage");
            return ExitCodes.Usage;
        }

        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parsed.Invoke(config);
        }
        catch (HarnessException e)
        {
            stderr.WriteLine(Core.Text.Printable.Escape(e.Message.StartsWith("certharness", StringComparison.Ordinal) ? e.Message : $"certharness {Verb(parsed)}: {e.Message}"));
            return ExitCodes.Usage;
        }
        catch (BackupException e)
        {
            stderr.WriteLine($"certharness {Verb(parsed)}: {Errors.Describe(e)}");
            return ExitCodes.Usage;
        }
        catch (PolicyException e)
        {
            stderr.WriteLine($"certharness {Verb(parsed)}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"certharness {Verb(parsed)}: {Brief(e.Message)} (check the path and access rights)");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"certharness {Verb(parsed)}: unexpected error: {Brief(e.Message)}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>
    /// "certharness 0.1.0 (commit 88f2541...)": the version and the commit the build came from. The SDK stamps the
    /// commit (SourceRevisionId, read from git at build time) into InformationalVersion as "0.1.0+sha".
    /// </summary>
    internal static string VersionText()
    {
        var informational = typeof(Cli).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0
            ? $"certharness {informational} (commit unknown: built without git metadata)"
            : $"certharness {informational.Substring(0, plus)} (commit {informational.Substring(plus + 1)})";
    }

    /// <summary>
    /// How this process runs: "NativeAOT linux-x64" for the native binary (release exe, RID tool package), ".NET 10.0.x
    /// JIT" for the framework-dependent or ReadyToRun build. --version prints it so an admin (and ToolPackageTests) can
    /// tell which package `dotnet tool install` picked; NativeAOT has no dynamic code, JIT always has.
    /// </summary>
    internal static string RuntimeForm() =>
        System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported
            ? $".NET {Environment.Version} JIT"
            : $"NativeAOT {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}";

    private sealed class PrintVersion(TextWriter stdout) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine($"{VersionText()}, {RuntimeForm()}");
            return ExitCodes.Clean;
        }
    }

    /// <summary>The first line of an exception message, without nested exception text.</summary>
    internal static string Brief(string message) => Core.Text.Messages.Brief(message);

    private const string HiddenText = "(a value, not shown)";

    /// <summary>Tokens of the command line that look like options ("--x", "--x=v") but name no option of the verb: System.CommandLine
    /// hands them to an argument that takes several values (inspect's files), so "--pasword S3cr3t" would be read as two files.</summary>
    private static List<string> UnknownOptions(ParseResult parsed, string[] args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var command = parsed.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
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

    /// <summary>Values that must not be printed: what Core's <see cref="CommandLineSecrets"/> finds (the value of a
    /// password-like option, mistyped or not, in every form), and every unmatched token that is not an option name.</summary>
    private static List<string> HiddenValues(string[] args, IReadOnlyList<string> unmatched) =>
        CommandLineSecrets.Values(args, tolerateMisspellings: true)
            .Concat(unmatched.Where(t => !t.StartsWith("-", StringComparison.Ordinal)))
            .Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(h => h.Length).ToList();

    private static string Redact(string message, IReadOnlyList<string> hidden) =>
        Core.Text.Printable.Escape(CommandLineSecrets.Redact(message, hidden, HiddenText));

    private static string OptionName(string token)
    {
        var separator = token.IndexOfAny(['=', ':']);
        return separator > 0 ? token.Substring(0, separator) : token;
    }

    private static string Suggestion(string option, ParseResult parsed)
    {
        var name = OptionName(option);
        var best = parsed.CommandResult.Command.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            .OrderBy(n => EditDistance.Of(n, name)).FirstOrDefault();
        return best is not null && EditDistance.Of(best, name) <= 2 ? $" (did you mean {best}?)" : string.Empty;
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
}
