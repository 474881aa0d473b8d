using System.CommandLine;
using System.CommandLine.Help;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.IO;
using CertInstaller.Core.Text;
using CertInstaller.Core.Validation;

namespace CertInstaller.ActionHost;

/// <summary>
/// <c>certinstaller-action run [options] -- &lt;installer command&gt;</c>: parses the options and prints; the run itself
/// is <see cref="InstallerWrapper"/> in Core.
/// </summary>
internal static class RunVerb
{
    /// <summary>The verb.</summary>
    public const string Name = "run";

    private const string Help = """
        Protect the certificates folder around any installer command (a package that does not include the CertInstaller
        custom actions): Backup, run the command, then on success (0, 3010, 1641) put third-party certificates back,
        validate and apply retention; on failure restore the exact folder. The exit code is the installer's own, 1603 when
        validation under 'enforce' failed (the folder is restored), 1618 when another CertInstaller run holds the folder,
        1639 for bad options or a --certdir that does not exist. On Linux a status keeps 8 bits: 0 success, 194 (3010) and
        105 (1641) success with a reboot, 67 (1603) failure, 82 (1618) another run holds the folder, 103 (1639) bad options;
        an installer's other status is returned as it is. Options are named like the CERTINSTALLER_* properties and have the
        same defaults.
        Example:
          certinstaller-action run --certdir "D:\I3\IC\Certificates" --validation enforce --json C:\Temp\ic.json -- msiexec /i "\\srv\pkgs\IC.msi" /qn /l*v C:\Temp\ic.log
        """;

    /// <summary>The <c>run</c> command and its options (the host's tree lists it; <see cref="Run"/> parses with it).</summary>
    /// <param name="Command">The command, named <see cref="Name"/>.</param>
    /// <param name="Options">The options of <see cref="WrapperOptions.All"/>, by name.</param>
    /// <param name="Json">--json FILE.</param>
    /// <param name="AllowMissingCertDir">--allow-missing-certdir.</param>
    internal sealed record Definition(Command Command, IReadOnlyDictionary<string, Option> Options, Option<string?> Json, Option<bool> AllowMissingCertDir);

    /// <summary>Builds the command with every option.</summary>
    internal static Definition Define()
    {
        var options = WrapperOptions.All.ToDictionary(o => o.Name, o => o.Repeatable
            ? (Option)new Option<string[]>(o.Name) { Description = Describe(o), AllowMultipleArgumentsPerToken = false }
            : new Option<string?>(o.Name) { Description = Describe(o), Required = o.Name == "--certdir" });
        var json = new Option<string?>("--json") { Description = "write a JSON summary to this file (snapshot id, exit codes, what was put back, findings)" };
        var allowMissing = new Option<bool>("--allow-missing-certdir")
        {
            Description = "a first install that creates the certificates folder: a --certdir that does not exist is accepted (nothing to protect); " +
                "without it a missing folder stops the run with 1639 before anything runs (a mistyped folder would protect nothing)",
        };
        var command = new Command(Name, Help);
        foreach (var option in options.Values) command.Add(option);
        command.Add(json);
        command.Add(allowMissing);
        return new Definition(command, options, json, allowMissing);
    }

    /// <summary>The backup root without --backupdir: the fragment's on Windows, <see cref="WrapperOptions.DefaultUnixBackupDir"/> elsewhere.</summary>
    internal static string DefaultBackupDir() => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "CertInstaller", "Backups")
        : WrapperOptions.DefaultUnixBackupDir;

    /// <summary>Runs the verb; <paramref name="args"/> are the arguments after <c>run</c>.</summary>
    /// <param name="args">Options, <c>--</c>, then the installer command.</param>
    /// <param name="stdout">Where log lines and messages go.</param>
    /// <param name="process">Starts the installer (tests pass their own).</param>
    /// <param name="windowsCommandLine">The raw command line on Windows, whose text after <c>--</c> the installer gets unchanged.</param>
    public static int Run(string[] args, TextWriter stdout, IInstallerProcess? process = null, string? windowsCommandLine = null)
    {
        var split = Array.IndexOf(args, "--");
        var head = split < 0 ? args : args.Take(split).ToArray();
        var tail = split < 0 ? [] : args.Skip(split + 1).ToArray();

        var verb = Define();
        var options = verb.Options;
        var parsed = ActionHostProgram.Tree(stdout, verb.Command).Parse([Name, .. head], ActionHostProgram.Parsing);
        if (parsed.Action is HelpAction)
        {
            parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stdout });
            stdout.WriteLine("  -- <installer command>  the command to run, after '--' (e.g. msiexec /i package.msi /qn)");
            return InstallerExitCodes.Success;
        }

        var problems = parsed.Errors.Select(e => e.Message).ToList();
        if (tail.Length == 0)
        {
            problems.Add(CodeRegistry.Of(InputErrorCode.InputMissing).Text + " no installer command: give it after '--' (a quoted path that ends in '\\' escapes its closing quote: write \"D:\\Certs\", not \"D:\\Certs\\\")");
        }

        if (problems.Count == 0 && parsed.GetValue((Option<string?>)options["--policy"]) is { } policyFile && PolicyProblem(policyFile) is { } bad)
        {
            problems.Add(bad);
        }

        ActionData? data = null;
        var installer = new InstallerCommand(tail);
        if (problems.Count == 0)
        {
            if (windowsCommandLine is not null && CommandLineText.TrySplitAfterDoubleDash(windowsCommandLine, out var program, out var raw) && program == tail[0])
            {
                installer = installer with { RawArguments = raw };
            }

            var given = options.ToDictionary(o => o.Key, o => (IReadOnlyList<string>)(o.Value switch
            {
                Option<string[]> many => parsed.GetValue(many) ?? [],
                Option<string?> one => parsed.GetValue(one) is { } v ? [v] : [],
                _ => [],
            }));
            try
            {
                data = WrapperOptions.ToActionData(given, installer, DefaultBackupDir());
            }
            catch (ActionDataException e)
            {
                problems.AddRange(e.Problems);
            }

            if (data is not null && !parsed.GetValue(verb.AllowMissingCertDir) && CertDirProblem(data.CertDir) is { } missing)
            {
                problems.Add(missing);
                data = null;
            }
        }

        if (data is null)
        {
            foreach (var problem in problems) stdout.WriteLine(new LogLine(LogLevel.Error, problem));
            stdout.WriteLine(new LogLine(LogLevel.Error, $"nothing was run; exit code {ActionHostProgram.ExitStatuses.Describe(InstallerExitCodes.InvalidCommandLine)}"));
            stdout.WriteLine("usage: certinstaller-action run --certdir DIR [options] -- <installer command>   (certinstaller-action run --help)");
            return InstallerExitCodes.InvalidCommandLine;
        }

        var wrapper = new InstallerWrapper(process ?? new ChildProcess()) { ExitStatuses = ActionHostProgram.ExitStatuses };
        var finished = false;
        var interrupts = 0;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (Interlocked.Increment(ref interrupts) == 1)
            {
                // The installer in the same console got the interrupt too (msiexec cancels: 1602); its exit decides.
                e.Cancel = true;
                stdout.WriteLine(new LogLine(LogLevel.Warning, "interrupted: waiting for the installer to exit; the folder is restored unless it succeeds. " +
                    "Press Ctrl-C again to stop at once (the snapshot stays for the next run)."));
            }
            else
            {
                stdout.WriteLine(new LogLine(LogLevel.Error, wrapper.InterruptedMessage));
                stdout.Flush();
            }
        }

        void OnExit(object? sender, EventArgs e)
        {
            if (!Volatile.Read(ref finished))
            {
                stdout.WriteLine(new LogLine(LogLevel.Error, wrapper.InterruptedMessage)); // terminated (SIGTERM)
                stdout.Flush();
            }
        }

        Console.CancelKeyPress += OnCancel;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        try
        {
            var result = wrapper.Run(data, installer, line => stdout.WriteLine(Printable.Escape(line.ToString())), parsed.GetValue(verb.Json)); // one line each
            return result.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The one boundary: an unexpected error stops the run like an interruption, so the next run finishes the job.
            stdout.WriteLine(new LogLine(LogLevel.Error, $"{CodeRegistry.Of(InputErrorCode.Unexpected).Text} run failed unexpectedly ({e.GetType().Name}: {e.Message}); {wrapper.InterruptedMessage}"));
            return InstallerExitCodes.Failure;
        }
        finally
        {
            Volatile.Write(ref finished, true);
            Console.CancelKeyPress -= OnCancel;
            AppDomain.CurrentDomain.ProcessExit -= OnExit;
        }
    }

    private static string Describe(WrapperOption o) =>
        $"like {o.Property}" + (o.Default.Length > 0 ? $" (default {(o.Name == "--backupdir" && !OperatingSystem.IsWindows() ? WrapperOptions.DefaultUnixBackupDir : o.Default)})" : "") + o.Name switch
        {
            "--certdir" => ": the certificates folder to protect",
            "--backupdir" => ": snapshots, the run state and certinstaller-action.log go here",
            "--preserve" => ": 1 puts third-party files back after the installer, 0 snapshots only",
            "--preserve-pattern" => ": a glob (relative to the folder) always treated as third-party; repeat for more",
            "--validation" => ": enforce (invalid: restore, exit 1603), warn, off",
            "--min-digest" => ": weakest signature digest accepted",
            "--retain" => ": complete snapshots kept by retention",
            "--host" => ": a host name the server certificates must carry in their SANs",
            "--expiry-warning-days" => ": certificates expiring within this many days are reported (CI3004)",
            "--policy" => ": a validation policy JSON file, as for certharness validate --policy, applied over --min-digest and --expiry-warning-days",
            _ => "",
        };

    // A mistyped --certdir would be snapshotted as "does not exist", and the run would protect nothing while it says it
    // preserved the folder: only --allow-missing-certdir (a first install) lets a missing folder through.
    private static string? CertDirProblem(string certDir) => new PhysicalFileSystem().GetEntry(certDir) switch
    {
        null => $"{CodeRegistry.Of(FindingCode.FolderMissing).Text} --certdir: the certificates folder '{certDir}' does not exist. Nothing was run " +
            "(a mistyped folder would protect nothing). Fix: give the existing folder (check the spelling and the drive), or, on a first " +
            "install where the installer creates it, add --allow-missing-certdir.",
        { Kind: FileSystemEntryKind.File } => $"{CodeRegistry.Of(FindingCode.FolderMissing).Text} --certdir: '{certDir}' is a file, not a folder. " +
            "Nothing was run. Fix: give the certificates folder.",
        _ => null,
    };

    // The actions load the policy only at Validate, after the installer ran; a wrapper that knows up front that its
    // policy file is unusable says so before anything changes.
    private static string? PolicyProblem(string file)
    {
        try
        {
            ValidationPolicy.Load(file, ValidationPolicy.Installer);
            return null;
        }
        catch (PolicyException e)
        {
            // The message starts with the policy code (CI14001…) and ends with the fix.
            return $"--policy: {e.Message} Nothing was run.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{CodeRegistry.Of(PolicyErrorCode.PolicyUnreadable).Text} --policy: '{file}' cannot be read ({e.Message}). Nothing was run. Fix: check the path and access rights.";
        }
    }
}
