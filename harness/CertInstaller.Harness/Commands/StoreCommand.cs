using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Store;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Validation.Rules;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness store: the machine's LocalMachine certificate stores against a certificates folder (Windows only).</summary>
internal static class StoreCommand
{
    private const string Help = """
        Check the machine's LocalMachine certificate stores against a certificates folder in the single third-party
        certificate mode (IC 2018 R5 and later), as IC's certificate wizard needs them: the folder's certificate
        (ServerGroup\, or the local Server/Client slot it fills) is in Personal (My) with its own private key, marked
        exportable; its chain builds through Intermediate Certification Authorities (CA) to a root in Trusted Root
        Certification Authorities (Root), under the same path rules as chain; no certificate in My for its subject or
        DNS names has expired or expires within the policy's warning window; and My holds no other certificate for those
        names (the finding says which one is newer). Each finding names the store, the certificate (thumbprint, as
        Cert:\LocalMachine\<store>\<thumbprint>, and subject) and the fix. The stores are opened read-only; no key is
        ever exported. A folder outside that mode gets one info finding and the stores are not read.
        Windows only (the win-x64 build under Wine reads Wine's stores); elsewhere it says so and exits 2.
        validate --store adds the same findings to the folder verdict.
        Exit codes: 0 the stores match the folder; 1 findings at or above the policy's failAt; 2 bad usage, not on
        Windows, the folder cannot be read, or an unreadable policy.
        Examples:
          certharness store D:\I3\IC\Certificates
          certharness store D:\I3\IC\Certificates --json
          certharness store D:\I3\IC\Certificates --format junit > certharness-store.xml
        """;

    public static Command Create()
    {
        var dir = new Argument<string>("certdir") { Description = "the certificates folder" };
        var policy = new Option<string?>("--policy") { Description = "policy JSON file (expiryWarningDays, minDigest, failAt, severities)" };
        var strict = new Option<bool>("--strict") { Description = "start from the strict preset (warnings fail)" };
        var at = new Option<string?>("--at") { Description = "judge validity at this time (ISO 8601, UTC when no offset is given; default now)" };
        var json = new Option<bool>("--json") { Description = "print JSON: {valid, findings:[{code,severity,path,message}]}" };
        var html = new Option<string?>("--html") { Description = "also write a self-contained HTML report to this file (outside the certificates folder)" };
        var output = new OutputOptions(json, format: true);
        var command = new Command("store", Help) { dir, policy, strict, at, json, html };
        output.AddTo(command);
        command.SetAction(r =>
        {
            var certdir = r.GetValue(dir)!;
            var format = output.Format(r);
            RequireStores("store");
            if (File.Exists(certdir))
                throw new HarnessException(InputErrorCode.InputWrongKind, $"{certdir}: this is a file, not a certificates folder; give the folder that holds ServerGroup\\ (the argument after the verb)");
            if (r.GetValue(html) is { } htmlFile) Rendering.Html.HtmlReportFile.Check(htmlFile, certdir);
            var layout = new LayoutScanner().Scan(certdir);
            var basis = r.GetValue(strict) ? ValidationPolicy.Strict : ValidationPolicy.Installer;
            var context = new ValidationContext
            {
                Layout = layout,
                Policy = r.GetValue(policy) is { } file ? ValidationPolicy.Load(file, basis) : basis,
                At = Inputs.At(r.GetValue(at)),
            };
            // The folder rule says what is wrong with a folder that is missing, empty or unreadable; the rest is the stores'.
            var report = new FolderValidator([new FolderRule(), Rule()]).Validate(context);
            var exitCode = layout.Kind == FolderKind.Unreadable ? ExitCodes.Usage : report.Valid ? ExitCodes.Clean : ExitCodes.Findings;
            Rendering.Html.HtmlReportFile.WriteIfAsked(r.GetValue(html), context, report, exitCode,
                r.GetValue(policy) ?? (r.GetValue(strict) ? "strict preset" : "installer preset"));
            Renderer.Render(ValidateCommand.View(report, context) with { Verb = "store" }, format, r.InvocationConfiguration.Output);
            return exitCode;
        });
        return command;
    }

    /// <summary>The store checks as a folder rule, over the machine's stores.</summary>
    internal static IFolderRule Rule() => new StoreRule(new BclMachineCertificateStores());

    /// <summary>Refuses the store checks where there are no stores, before anything is read: exit 2, never a quiet pass.</summary>
    internal static void RequireStores(string verb)
    {
        if (!BclMachineCertificateStores.Available)
            throw new HarnessException(CodeRegistry.Of(FindingCode.StoreUnreadable), $"the LocalMachine certificate stores that {verb} reads exist only on Windows; run it on the IC server " +
                                       "(or the win-x64 build under Wine); nothing was checked");
    }
}
