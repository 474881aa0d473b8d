using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.IO;
using CertInstaller.Core.Text;

namespace CertInstaller.ActionHost;

/// <summary>certinstaller-action: runs one install-time operation from its one ActionData argument.</summary>
public static class ActionHostProgram
{
    /// <summary>Exit code of a failed operation: ERROR_INSTALL_FAILURE, what Windows Installer reports for a failed action.</summary>
    public const int Failure = 1603;

    /// <summary>Exit code of a command line that names no operation, a wrong option or argument, or ActionData that does
    /// not parse: ERROR_INVALID_COMMAND_LINE, as <c>run</c> returns for bad options. Nothing ran; the caller must fix the
    /// command, where 1603 says the operation itself failed.</summary>
    public const int InvalidCommandLine = InstallerExitCodes.InvalidCommandLine;

    /// <summary>The log file the host appends to, in the backup root.</summary>
    public const string LogFileName = ActionLogFile.FileName;

    private const string Usage =
        "usage: certinstaller-action <backup|restore-on-rollback|preserve|validate|commit> \"<ActionData>\"\n" +
        "       certinstaller-action run --certdir DIR [options] -- <installer command>\n" +
        "  ActionData: CertDir=...;BackupDir=...;Mode=...;...;ProductVersion=... (see README, 'ActionData'); certinstaller-action --help";

    private const string RootHelp =
        "certinstaller-action: the CertInstaller install-time operations as a command line. An operation takes one quoted " +
        "ActionData argument (exe custom actions, deployment tools) and exits 0, 1603 (Linux: 67) when it failed, or 1639 " +
        "(Linux: 103) when called wrong (an unknown verb or option, a missing or extra argument, ActionData that does not " +
        "parse), before anything ran; 'run' protects the certificates folder around any installer command.";

    /// <summary>This platform's exit statuses: Windows keeps the codes, Linux carries them in 8 bits (README, "Exit statuses on Linux").</summary>
    public static ExitStatusMap ExitStatuses => OperatingSystem.IsWindows() ? ExitStatusMap.Windows : ExitStatusMap.Unix;

    /// <summary>The process entry: <see cref="Run"/>'s code as this platform's exit status (1603 leaves Linux as 67).</summary>
    public static int ProcessExit(string[] args, TextWriter stdout) => ExitStatuses.StatusOf(Run(args, stdout));

    /// <summary>Runs the verb named by <paramref name="args"/>[0]: an operation (0 or 1603), <c>run</c> (the installer's code or the
    /// wrapper's) or help (0), or 1639 for a command line that cannot be run; returns the code meant, before
    /// <see cref="ExitStatuses"/> carries it.</summary>
    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length > 0 && args[0] == RunVerb.Name) return RunVerb.Run(args[1..], stdout, windowsCommandLine: OperatingSystem.IsWindows() ? Environment.CommandLine : null);
        if (args.Length > 0 && ActionOperationNames.ByCommandName.Keys.FirstOrDefault(k => string.Equals(k, args[0], StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            args = [name, .. args[1..]]; // operation names were always case-insensitive (an exe custom action may say "Backup")
        }

        var parsed = Tree(stdout, RunVerb.Define().Command).Parse(args, Parsing);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stdout.WriteLine(new LogLine(LogLevel.Error, Printable.Escape(error.Message)));
            return CalledWrong(stdout);
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stdout, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Response files are off: the tokens come from installer properties, and '@' starts no file read here.</summary>
    internal static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>The command tree: one command per operation, each with its ActionData argument, and <paramref name="run"/>.</summary>
    internal static RootCommand Tree(TextWriter stdout, Command run)
    {
        var root = new RootCommand(RootHelp);
        root.Directives.Clear(); // no [diagram]/[suggest]: a first token is an operation
        foreach (var (name, operation) in ActionOperationNames.ByCommandName)
        {
            var data = new Argument<string>("ActionData") { Description = "CertDir=...;BackupDir=...;... as one quoted argument (README, 'The action host and ActionData')" };
            var command = new Command(name, Describe(operation)) { data };
            command.SetAction(r => RunOperation(operation, r.GetValue(data) ?? "", stdout));
            root.Add(command);
        }

        root.Add(run);
        return root;
    }

    private static string Describe(ActionOperation operation) => operation switch
    {
        ActionOperation.Backup => "snapshot the certificates folder before the install touches it (deferred action)",
        ActionOperation.RestoreOnRollback => "put back the exact pre-install folder from this installation's snapshot (rollback action)",
        ActionOperation.Preserve => "put back third-party files the install regenerated (deferred action)",
        ActionOperation.Validate => "validate the folder under the policy; 'enforce' fails the install when invalid (deferred action)",
        _ => "prune old snapshots by retention (commit action)",
    } + "; exits 0, 1603 (Linux: 67) when it failed, or 1639 (Linux: 103) when the ActionData or the command line is wrong (nothing ran)";

    private static int RunOperation(ActionOperation operation, string actionData, TextWriter stdout)
    {
        var outcome = new ActionRunner().Run(operation, actionData, out var data);
        foreach (var line in outcome.Lines) stdout.WriteLine(Printable.Escape(line.ToString())); // one line each: nothing in a value forges another
        // No data: the ActionData was refused before the operation started (the lines above name each key).
        if (data is null) return CalledWrong(stdout);
        AppendLog(data.BackupDir, operation, actionData, outcome, stdout);
        return outcome.Succeeded ? 0 : Failure;
    }

    private static int CalledWrong(TextWriter stdout)
    {
        stdout.WriteLine(new LogLine(LogLevel.Error, $"nothing was run; exit code {ExitStatuses.Describe(InvalidCommandLine)}"));
        stdout.WriteLine(Usage);
        return InvalidCommandLine;
    }

    private static void AppendLog(string backupDir, ActionOperation operation, string actionData, ActionOutcome outcome, TextWriter stdout)
    {
        try
        {
            // One writer of the log format, the wrapper's too (ActionLogFile): the backup root holds private keys, so a
            // folder it creates is private (0700 / SYSTEM+Administrators) and the log owner-only; the backup root may be
            // writable by another account, so never through a planted link and only into this account's own regular
            // file; every line escaped, so nothing in a value forges another. The ActionData holds paths and settings,
            // never a secret; it is what support needs to replay the action.
            new ActionLogFile(new PhysicalFileSystem(), backupDir).Append(
                ActionLogFile.Header(DateTimeOffset.UtcNow, operation.ToString(), outcome.Succeeded ? "succeeded" : "failed"),
                new[] { "ActionData: " + actionData }.Concat(outcome.Lines.Select(l => l.ToString())));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException)
        {
            // The installer log already has every line; a log file we cannot write must not fail the install.
            var code = e is OutputFileRefusedException refused ? CodeRegistry.Of(refused.Code) : CodeRegistry.Of(InputErrorCode.FileAccessFailed);
            stdout.WriteLine(new LogLine(LogLevel.Warning,
                $"{(e is OutputFileRefusedException ? "" : code.Text + " ")}cannot append to {Path.Combine(backupDir, LogFileName)}: {Printable.Escape(e.Message)}", code));
        }
    }
}
