using CertInstaller.Core.Actions;
using CertInstaller.Core.IO;
using CertInstaller.Core.Text;

namespace CertInstaller.ActionHost;

/// <summary>certinstaller-action: runs one install-time operation from its one ActionData argument.</summary>
public static class ActionHostProgram
{
    /// <summary>Exit code of a failed operation: ERROR_INSTALL_FAILURE, what Windows Installer reports for a failed action.</summary>
    public const int Failure = 1603;

    /// <summary>The log file the host appends to, in the backup root.</summary>
    public const string LogFileName = "certinstaller-action.log";

    private const string Usage =
        "usage: certinstaller-action <backup|restore-on-rollback|preserve|validate|commit> \"<ActionData>\"\n" +
        "  ActionData: CertDir=...;BackupDir=...;Mode=...;...;ProductVersion=... (see README, 'ActionData')";

    /// <summary>Runs the operation named by <paramref name="args"/>[0]; returns 0 or 1603.</summary>
    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length > 0 && args[0] == RunVerb.Name) return RunVerb.Run(args[1..], stdout, windowsCommandLine: OperatingSystem.IsWindows() ? Environment.CommandLine : null);
        if (args.Length != 2 || !ActionOperationNames.ByCommandName.TryGetValue(args[0], out var operation))
        {
            stdout.WriteLine(new LogLine(LogLevel.Error, args.Length == 0
                ? "no operation given"
                : args.Length != 2 ? $"expected 2 arguments, got {args.Length} (quote the ActionData)" : $"unknown operation '{args[0]}'"));
            stdout.WriteLine(Usage);
            return Failure;
        }

        var outcome = new ActionRunner().Run(operation, args[1], out var data);
        foreach (var line in outcome.Lines) stdout.WriteLine(Printable.Escape(line.ToString())); // one line each: nothing in a value forges another
        if (data is not null) AppendLog(data.BackupDir, operation, args[1], outcome, stdout);
        return outcome.Succeeded ? 0 : Failure;
    }

    private static void AppendLog(string backupDir, ActionOperation operation, string actionData, ActionOutcome outcome, TextWriter stdout)
    {
        try
        {
            // The backup root holds private keys: a folder this host creates is as private as the store makes it (0700 /
            // SYSTEM+Administrators), and the log is owner-only, not 0755 and 0644.
            new PhysicalFileSystem().CreateDirectory(backupDir, privateAccess: true);
            // The ActionData holds paths and settings, never a secret; it is what support needs to replay the action.
            var lines = new List<string>
            {
                $"{DateTime.UtcNow:O} {operation} {(outcome.Succeeded ? "succeeded" : "failed")}",
                $"  ActionData: {Printable.Escape(actionData)}",
            };
            lines.AddRange(outcome.Lines.Select(l => "  " + Printable.Escape(l.ToString())));
            // The backup root may be writable by another account: never through a planted link, only into this
            // account's own regular file (owner-only when created), and one line per line (every line escaped above).
            using var writer = new StreamWriter(new PhysicalFileSystem().OpenOwnFileForAppend(Path.Combine(backupDir, LogFileName)));
            foreach (var line in lines) writer.WriteLine(line);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException)
        {
            // The installer log already has every line; a log file we cannot write must not fail the install.
            stdout.WriteLine(new LogLine(LogLevel.Warning, $"cannot append to {Path.Combine(backupDir, LogFileName)}: {Printable.Escape(e.Message)}"));
        }
    }
}
