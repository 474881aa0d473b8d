using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness validate: judges a whole certificates folder under a policy.</summary>
internal static class ValidateCommand
{
    private const string Help = """
        Validate a whole IC certificates folder: readable files, map entries inside the folder, keys (private and
        *PublicKey.bin) matching certificates, each set's chain to its own trusted file plus the folder's Server Group
        hierarchy, the IC CA under the current Server Group, orphans left after Preserve, usage per slot, dates of
        every certificate, digests, key sizes, host name in SANs, switchover pair, the CSRs work area, third-party
        files unchanged since a snapshot, private key permissions. Encrypted keys and PKCS#12 files open with
        --password, --password-file, CERTHARNESS_PASSWORD or the map file's <Password>; without one they are warnings.
        --store adds the checks of certharness store (the LocalMachine stores against the folder; Windows only).
        Exit codes: 0 valid; 1 findings at or above the policy's failAt (an empty or unrecognised folder included);
        2 bad usage, the folder cannot be read, or an unreadable policy/snapshot.
        Examples:
          certharness validate D:\I3\IC\Certificates --host ic1.example.com
          certharness validate ./Certificates --baseline ./Backups/20261126T221500Z-1a2b3c --json
          certharness validate ./Certificates --baseline ./Backups              (the newest intact snapshot)
          certharness validate ./Certificates --peer \\ic2\d$\I3\IC\Certificates --policy strict.json
          certharness validate ./Certificates --at 2027-01-01T00:00:00Z --format junit > certharness-validate.xml
          certharness validate D:\I3\IC\Certificates --store
        """;

    public static Command Create()
    {
        var dir = new Argument<string>("certdir") { Description = "the certificates folder" };
        var baseline = new Option<string?>("--baseline") { Description = "a snapshot folder, a backup root (its newest intact snapshot) or an id under --from, whose third-party files must be unchanged" };
        var from = new Option<string?>("--from") { Description = "backup root, when --baseline is a snapshot id" };
        var policy = new Option<string?>("--policy") { Description = "policy JSON file (minDigest, minRsaBits, minEcBits, expiryWarningDays, failAt, severities)" };
        var strict = new Option<bool>("--strict") { Description = "start from the strict preset (warnings fail)" };
        var peer = new Option<string?>("--peer") { Description = "the switchover peer's certificates folder" };
        var host = new Option<string?>("--host") { Description = "host name the server certificates must carry" };
        var at = new Option<string?>("--at") { Description = "judge validity at this time (ISO 8601, UTC when no offset is given; default now)" };
        var json = new Option<bool>("--json") { Description = "print JSON: {valid, findings:[{code,severity,path,message}]}" };
        var html = new Option<string?>("--html") { Description = "also write a self-contained HTML report to this file (outside the certificates folder)" };
        var store = new Option<bool>("--store") { Description = "also check the LocalMachine certificate stores against the folder, as certharness store (Windows only)" };
        var common = new CommonOptions();
        var output = new OutputOptions(json, format: true, quiet: true);
        var command = new Command("validate", Help) { dir, baseline, from, policy, strict, peer, host, at, json, html, store, common.Password, common.PasswordFile };
        output.AddTo(command);
        command.SetAction(r =>
        {
            var certdir = r.GetValue(dir)!;
            var format = output.Format(r);
            if (r.GetValue(store)) StoreCommand.RequireStores("validate --store");
            if (File.Exists(certdir))
                throw new HarnessException(InputErrorCode.InputWrongKind, $"{certdir}: this is a file, not a certificates folder; give the folder that holds ServerGroup\\ (the argument after the verb)");
            // A report that may not be written is refused before the folder is read, not after the whole run.
            if (r.GetValue(html) is { } htmlFile) Rendering.Html.HtmlReportFile.Check(htmlFile, certdir);
            var layout = new LayoutScanner().Scan(certdir);
            var password = common.ResolvePassword(r);
            var basis = r.GetValue(strict) ? ValidationPolicy.Strict : ValidationPolicy.Installer;
            var rules = r.GetValue(policy) is { } file ? ValidationPolicy.Load(file, basis) : basis;
            // One run cache for the validation and the HTML report: the report shows the parses and verdicts validate judged.
            var run = new Core.Pki.RunCache();
            var context = new ValidationContext
            {
                Run = run,
                Layout = layout,
                Passwords = password is null ? [] : [password],
                Policy = rules,
                At = Inputs.At(r.GetValue(at)),
                Host = r.GetValue(host),
                Peer = r.GetValue(peer) is { } p ? new LayoutScanner().Scan(p) : null,
                Baseline = r.GetValue(baseline) is { } b ? Baseline(b, r.GetValue(from)) : [],
            };
            ValidationReport report;
            using (var progress = output.Progress(r, "validate"))
            {
                var withStore = r.GetValue(store) ? [.. FolderValidator.DefaultRules(run.Signatures), StoreCommand.Rule()] : (IReadOnlyList<IFolderRule>?)null;
                report = new FolderValidator(new FolderValidatorOptions { Run = run, Rules = withStore }).Validate(context, progress);
            }

            var exitCode = layout.Kind == FolderKind.Unreadable ? ExitCodes.Usage : report.Valid ? ExitCodes.Clean : ExitCodes.Findings;
            Rendering.Html.HtmlReportFile.WriteIfAsked(r.GetValue(html), context, report, exitCode,
                r.GetValue(policy) ?? (r.GetValue(strict) ? "strict preset" : "installer preset"));
            Renderer.Render(View(report, context), format, r.InvocationConfiguration.Output);
            if (layout.Kind == FolderKind.Unreadable)
                r.InvocationConfiguration.Error.WriteLine($"certharness validate: {CodeRegistry.Of(FindingCode.FolderUnreadable).Text} {nameof(FindingCode.FolderUnreadable)}: {layout.Root}: the folder cannot be read ({layout.Skipped.FirstOrDefault()?.Reason}); check the path and access rights");
            return exitCode;
        });
        return command;
    }

    /// <summary>The view of a validation report: findings, and for JUnit the files looked at, the threshold and the time.</summary>
    internal static ValidateView View(ValidationReport report, ValidationContext context) =>
        new(report.Valid, report.Folder, report.Findings.Select(f => new FindingView(f.CodeText, Lower(f.Severity), f.Path, Hints.Message(f)) { Name = f.Code.ToString() }).ToList())
        {
            Files = context.Layout.Entries.Select(e => e.RelativePath).ToList(),
            FailAt = Lower(report.FailAt),
            At = context.At,
        };

    private static string Lower(Severity severity) => severity.ToString().ToLowerInvariant();

    // The same baselines digests --baseline takes: a snapshot folder, or a backup root (its newest intact snapshot);
    // with --from, a snapshot id under that root.
    private static IReadOnlyList<BaselineFile> Baseline(string snapshot, string? from)
    {
        // A snapshot folder holds no snapshots of its own, so only a backup root has a newest one.
        if (from is null && Directory.Exists(snapshot) && new SnapshotStore(Path.GetFullPath(snapshot)).NewestIntact() is { } newest)
        {
            return BaselineFile.ThirdPartyOf(newest.Manifest);
        }

        var reference = SnapshotReference.Resolve(snapshot, from);
        return BaselineFile.ThirdPartyOf(new SnapshotStore(reference.Root).Open(reference.Id).Manifest);
    }
}
