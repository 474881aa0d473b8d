using System.CommandLine;
using CertInstaller.Core.Backup;
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
        BackupCommand.Create,
        PreserveCommand.Create,
        DemoCommand.Create,
        SampleCommand.Create,
    ];

    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
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
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("certharness: " + error.Message);
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
            stderr.WriteLine(e.Message.StartsWith("certharness", StringComparison.Ordinal) ? e.Message : $"certharness {Verb(args)}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (BackupException e)
        {
            stderr.WriteLine($"certharness {Verb(args)}: {(e.FilePath is null ? "" : e.FilePath + ": ")}{e.Problem} Fix: {e.Fix}");
            return ExitCodes.Usage;
        }
        catch (PolicyException e)
        {
            stderr.WriteLine($"certharness {Verb(args)}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"certharness {Verb(args)}: {Brief(e.Message)} (check the path and access rights)");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"certharness {Verb(args)}: unexpected error: {Brief(e.Message)}");
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

    private sealed class PrintVersion(TextWriter stdout) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(VersionText());
            return ExitCodes.Clean;
        }
    }

    /// <summary>The first line of an exception message, without nested exception text.</summary>
    internal static string Brief(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var nested = line.IndexOf(": System.", StringComparison.Ordinal);
        return nested > 0 ? line.Substring(0, nested) : line;
    }

    // "backup create" reads better than "backup" in an error line: the verb and its sub-verb, if any.
    private static string Verb(string[] args) =>
        string.Join(" ", args.TakeWhile(a => !a.StartsWith("-", StringComparison.Ordinal)).Take(2)
            .Where(a => a is "backup" or "create" or "list" or "verify" or "restore" || a == args[0]));
}
