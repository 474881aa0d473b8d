using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Layout;
using CertInstaller.Samples;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;

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

        Step(output, 1, "a site with third-party certificates");
        var site = builder.BuildServer(certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        output.WriteLine($"  {certs}: {site.Files.Count} files; the Server Group certificate is issued by {site.ExternalCa!.Value.Issuing.Certificate.SubjectDN}");
        var before = Validate(certs);
        output.WriteLine($"  validate: {(before.Valid ? "valid" : "NOT valid")}, {before.Findings.Count} findings");

        Step(output, 2, "CertInstaller_Backup (before the product touches the folder)");
        Print(output, runner.Run(ActionOperation.Backup, data));

        Step(output, 3, "the IC install regenerates the folder with new self-signed certificates");
        builder.BuildServer(certs, new IcFolderSpec { KeySeed = "regenerated-by-ic-setup" });
        output.WriteLine($"  the Server Group certificate is now self-signed; third-party certificates are gone from the live folder");

        Step(output, 4, "CertInstaller_Preserve (after the product regenerated its certificates)");
        Print(output, runner.Run(ActionOperation.Preserve, data));

        Step(output, 5, "CertInstaller_Validate (policy enforce)");
        var validate = runner.Run(ActionOperation.Validate, data);
        Print(output, validate);

        Step(output, 6, "CertInstaller_Commit (retention)");
        Print(output, runner.Run(ActionOperation.Commit, data));

        Step(output, 7, "a second install fails after regenerating: rollback restores the exact folder");
        var good = Validate(certs);
        Print(output, runner.Run(ActionOperation.Backup, data));
        builder.BuildServer(certs, new IcFolderSpec { KeySeed = "failed-install" });
        Print(output, runner.Run(ActionOperation.RestoreOnRollback, data));
        var after = Validate(certs);
        output.WriteLine($"  after rollback: {(after.Valid ? "valid" : "NOT valid")}, {after.Findings.Count} findings (before the failed install: {good.Findings.Count})");

        Step(output, 8, "the inspection verbs over the result");
        var server = Path.Combine(certs, "Client", "Local_Subsystems", "ic1_ServerCertificate.cer");
        Harness(output, "inspect", server, Path.Combine(certs, "Client", "Local_Subsystems", "ic1_ServerPrivateKey.bin"));
        Harness(output, "chain", server, "--bundle", certs, "--trust", Path.Combine(certs, "Client", "Local_Subsystems", "ic1_TrustedCertificate.cer"));
        Harness(output, "digests", certs, "--verify-chains");

        var ok = validate.Succeeded && after.Valid;
        output.WriteLine();
        output.WriteLine($"verdict: {(ok ? "third-party certificates survived the install and the rollback; the folder is valid" : "the lifecycle did NOT end with a valid folder")}");
        return ok ? ExitCodes.Clean : ExitCodes.Findings;
    }

    private static ValidationReport Validate(string certs) => new FolderValidator().Validate(new ValidationContext
    {
        Layout = new LayoutScanner().Scan(certs),
        Policy = ValidationPolicy.Installer,
        At = DateTimeOffset.UtcNow,
    });

    private static void Harness(TextWriter output, params string[] args)
    {
        output.WriteLine("  $ certharness " + string.Join(" ", args));
        using var captured = new StringWriter();
        var code = Cli.Run(args, captured, captured);
        foreach (var line in captured.ToString().Split('\n').Where(l => l.Length > 0)) output.WriteLine("    " + line.TrimEnd('\r'));
        output.WriteLine($"    (exit code {code})");
    }

    private static void Step(TextWriter output, int n, string title)
    {
        output.WriteLine();
        output.WriteLine($"[{n}] {title}");
    }

    private static void Print(TextWriter output, ActionOutcome outcome)
    {
        foreach (var line in outcome.Lines) output.WriteLine("  " + line);
        output.WriteLine($"  => {(outcome.Succeeded ? "succeeded" : "FAILED")}");
    }
}
