using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Layout;
using CertInstaller.Samples;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness demo: the whole lifecycle on a built-in sample folder, through the same operations the installer runs.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<string?>("--dir") { Description = "work in this folder (kept) instead of a temporary one (deleted)" };
        var command = new Command("demo", """
            Builds a realistic IC certificates folder whose Server Group certificate was issued by an outside CA, takes a
            snapshot, simulates an IC install that regenerates the folder with new self-signed certificates, puts the
            third-party certificates back, validates, and rolls a second install back - printing every step.
            Exit codes: 0 the lifecycle ended with a valid folder; 1 it did not.
            """) { keep };
        command.SetAction(r => Run(r.GetValue(keep), r.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string? dir, TextWriter output)
    {
        var work = dir is null
            ? Path.Combine(Path.GetTempPath(), "certharness-demo-" + Guid.NewGuid().ToString("N")[..8])
            : Path.GetFullPath(Inputs.EmptyOrNewDirectory(dir, "--dir"));
        try
        {
            return Lifecycle(work, output);
        }
        finally
        {
            if (dir is null && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static int Lifecycle(string work, TextWriter output)
    {
        var certs = Path.Combine(work, "I3", "IC", "Certificates");
        var backups = Path.Combine(work, "CertInstaller", "Backups");
        var data = new ActionData { CertDir = certs, BackupDir = backups, ProductCode = "{DEMO-0000}", ProductVersion = "2025.4", Mode = InstallMode.Upgrade, Validation = ValidationMode.Enforce };
        var runner = new ActionRunner();
        var builder = new IcFolderBuilder();
        var steps = new Steps(output);

        steps.Begin(1, "a site with third-party certificates");
        var site = builder.BuildServer(certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        steps.Line($"{certs}: {site.Files.Count} files; the Server Group certificate is issued by {site.ExternalCa!.Value.Issuing.Certificate.SubjectDN}");
        var before = Validate(certs);
        steps.Line($"validate: {(before.Valid ? "valid" : "NOT valid")}, {before.Findings.Count} findings");

        steps.Begin(2, "CertInstaller_Backup (before the product touches the folder)");
        steps.Outcome(runner.Run(ActionOperation.Backup, data));

        steps.Begin(3, "the IC install regenerates the folder with new self-signed certificates");
        builder.BuildServer(certs, new IcFolderSpec { KeySeed = "regenerated-by-ic-setup" });
        steps.Line("the Server Group certificate is now self-signed; third-party certificates are gone from the live folder");

        steps.Begin(4, "CertInstaller_Preserve (after the product regenerated its certificates)");
        steps.Outcome(runner.Run(ActionOperation.Preserve, data));

        steps.Begin(5, "CertInstaller_Validate (policy enforce)");
        var validate = runner.Run(ActionOperation.Validate, data);
        steps.Outcome(validate);

        steps.Begin(6, "CertInstaller_Commit (retention)");
        steps.Outcome(runner.Run(ActionOperation.Commit, data));

        steps.Begin(7, "a second install fails after regenerating: rollback restores the exact folder");
        var good = Validate(certs);
        steps.Outcome(runner.Run(ActionOperation.Backup, data));
        builder.BuildServer(certs, new IcFolderSpec { KeySeed = "failed-install" });
        steps.Outcome(runner.Run(ActionOperation.RestoreOnRollback, data));
        var after = Validate(certs);
        steps.Line($"after rollback: {(after.Valid ? "valid" : "NOT valid")}, {after.Findings.Count} findings (before the failed install: {good.Findings.Count})");

        steps.Begin(8, "the inspection verbs over the result");
        var server = Path.Combine(certs, "Client", "Local_Subsystems", "ic1_ServerCertificate.cer");
        steps.Harness("inspect", server, Path.Combine(certs, "Client", "Local_Subsystems", "ic1_ServerPrivateKey.bin"));
        steps.Harness("chain", server, "--bundle", certs, "--trust", Path.Combine(certs, "Client", "Local_Subsystems", "ic1_TrustedCertificate.cer"));
        steps.Harness("digests", certs, "--verify-chains");
        steps.End();

        var ok = validate.Succeeded && after.Valid;
        Renderer.Render(new DemoVerdictView(ok, ok ? "third-party certificates survived the install and the rollback; the folder is valid" : "the lifecycle did NOT end with a valid folder"), OutputFormat.Text, output);
        return ok ? ExitCodes.Clean : ExitCodes.Findings;
    }

    private static ValidationReport Validate(string certs) => new FolderValidator().Validate(new ValidationContext
    {
        Layout = new LayoutScanner().Scan(certs),
        Policy = ValidationPolicy.Installer,
        At = DateTimeOffset.UtcNow,
    });

    /// <summary>Collects each step's lines and prints the step through the renderer when the next one begins, so a
    /// person watching sees every step as soon as it is done.</summary>
    private sealed class Steps(TextWriter output)
    {
        private readonly List<string> _lines = [];
        private (int Number, string Title)? _current;

        public void Begin(int number, string title)
        {
            End();
            _current = (number, title);
        }

        public void Line(string line) => _lines.Add(line);

        public void Outcome(ActionOutcome outcome)
        {
            _lines.AddRange(outcome.Lines.Select(l => l.ToString()));
            _lines.Add($"=> {(outcome.Succeeded ? "succeeded" : "FAILED")}");
        }

        /// <summary>A certharness run over the result: its command line, its output indented, its exit code.</summary>
        public void Harness(params string[] args)
        {
            _lines.Add("$ certharness " + string.Join(" ", args));
            using var captured = new StringWriter();
            var code = Cli.Run(args, captured, captured);
            _lines.AddRange(captured.ToString().Split('\n').Where(l => l.Length > 0).Select(l => "  " + l.TrimEnd('\r')));
            _lines.Add($"  (exit code {code})");
        }

        public void End()
        {
            if (_current is { } step)
            {
                Renderer.Render(new DemoStepView(step.Number, step.Title, [.. _lines]), OutputFormat.Text, output);
            }

            _current = null;
            _lines.Clear();
        }
    }
}
