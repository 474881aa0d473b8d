using CertInstaller.Core.Codes;
using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Preservation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness backup create|list|verify|restore: snapshots of a certificates folder.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var command = new Command("backup", """
            Snapshots of a certificates folder under a backup root (private: 0700/0600, or SYSTEM+Administrators ACL).
            Exit codes: 0 done; 1 list or verify found a damaged (or planted) snapshot; 2 bad usage, unreadable folder or refused restore.
            """);
        command.Add(CreateVerb());
        command.Add(ListVerb());
        command.Add(VerifyVerb());
        command.Add(RestoreVerb());
        return command;
    }

    private static Command CreateVerb()
    {
        var dir = new Argument<string>("certdir") { Description = "the certificates folder" };
        var to = new Option<string>("--to") { Description = "backup root", Required = true };
        var reason = new Option<string>("--reason") { Description = "why (recorded in the manifest)", DefaultValueFactory = _ => "manual" };
        var preserve = new Option<string[]>("--preserve") { Description = "globs always treated as third-party", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "print {id, path, files, thirdParty:[...]}" };
        var command = new Command("create", """
            Snapshot the folder. Example: certharness backup create D:\I3\IC\Certificates --to D:\CertBackups --reason "before patch"
            """) { dir, to, reason, preserve, json };
        var output = new OutputOptions(json, quiet: true);
        output.AddTo(command);
        command.SetAction(r =>
        {
            var format = output.Format(r);
            var certDir = Inputs.ExistingDirectory(r.GetValue(dir)!);
            SnapshotInfo snapshot;
            using (var progress = output.Progress(r, "backup create"))
            {
                snapshot = ClassifiedSnapshot.Create(BackupPorts.Machine.Store(r.GetValue(to)!), certDir, r.GetValue(reason)!, r.GetValue(preserve) ?? [], progress: progress);
            }

            var thirdParty = snapshot.Manifest.ThirdPartyFiles.Select(f => f.RelativePath).ToList();
            Renderer.Render(new SnapshotCreatedView(snapshot.Id, snapshot.Path, snapshot.Manifest.Files.Count, thirdParty), format, r.InvocationConfiguration.Output);
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command ListVerb()
    {
        var from = new Option<string>("--from") { Description = "backup root", Required = true };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("list", """
            List the snapshots, newest first, each verified: intact, or DAMAGED with the first problem (a damaged or
            planted one is never restored or pruned). Partial ones are ignored. Exit code 1 when any is damaged.
            """) { from, json };
        command.SetAction(r =>
        {
            var store = BackupPorts.Machine.Store(r.GetValue(from)!);
            var checks = store.VerifyAll();
            var marks = store.List().ToDictionary(s => s.Id, s => s.Validation);
            Renderer.Render(checks.Select(c => new SnapshotListItemView(
                c.SnapshotId, Path.Combine(store.Root, c.SnapshotId), c.IsValid,
                c.IsValid ? null : $"{c.Issues[0].Code}: {c.Issues[0].Message}",
                c.Manifest?.Reason, c.Manifest?.CreatedUtc, c.Manifest?.Files.Count,
                c.Manifest?.ThirdPartyFiles.Count(), marks.GetValueOrDefault(c.SnapshotId)?.Clean)
            {
                ProblemText = c.IsValid ? null : $"{CodeRegistry.Of(c.Issues[0].Code).Text} {c.Issues[0].Code} {c.Issues[0].RelativePath}: {c.Issues[0].Message}".Replace(" : ", ": "),
            }).ToList(), new OutputOptions(json).Format(r), r.InvocationConfiguration.Output);
            return checks.All(c => c.IsValid) ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }

    private static Command VerifyVerb()
    {
        var from = new Option<string>("--from") { Description = "backup root", Required = true };
        var id = new Option<string?>("--snapshot") { Description = "snapshot id (default: every snapshot)" };
        var output = new OutputOptions();
        var command = new Command("verify", "Re-hash snapshot files against their manifest.") { from, id };
        output.AddTo(command);
        command.SetAction(r =>
        {
            var format = output.Format(r);
            var store = BackupPorts.Machine.Store(r.GetValue(from)!);
            var results = r.GetValue(id) is { } one ? [store.Verify(one)] : store.VerifyAll();
            Renderer.Render(new BackupVerifyView(store.Root, results.All(x => x.IsValid), results.Select(x => new SnapshotVerifyView(x.SnapshotId, x.IsValid, x.FilesChecked,
                x.Issues.Select(i => new VerifyIssueView(CodeRegistry.Of(i.Code).Text, i.Code.ToString(), i.RelativePath, i.Message)).ToList())).ToList()),
                format, r.InvocationConfiguration.Output);
            return results.All(x => x.IsValid) ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }

    private static Command RestoreVerb()
    {
        var dir = new Argument<string>("certdir") { Description = "the certificates folder to restore into" };
        var from = new Option<string>("--from") { Description = "backup root", Required = true };
        var id = new Option<string?>("--snapshot") { Description = "snapshot id (default: the newest)" };
        var thirdParty = new Option<bool>("--third-party-only") { Description = "put back only third-party files" };
        var command = new Command("restore", """
            Restore a snapshot: exact (the folder becomes byte-identical) or third-party files only. Live files that are
            replaced or removed are first kept in the snapshot's displaced area. A damaged snapshot is refused.
            """) { dir, from, id, thirdParty };
        var output = new OutputOptions(quiet: true);
        output.AddTo(command);
        command.SetAction(r =>
        {
            var format = output.Format(r);
            var store = BackupPorts.Machine.Store(r.GetValue(from)!);
            var snapshotId = r.GetValue(id) ?? store.NewestIntact()?.Id
                ?? throw new HarnessException($"{store.Root}: no complete snapshot that verifies, so nothing to restore (run 'certharness backup list --from {store.Root}')");
            var restorer = new SnapshotRestorer(store);
            RestoreReport report;
            using (var progress = output.Progress(r, "backup restore"))
            {
                report = r.GetValue(thirdParty) ? restorer.RestoreThirdParty(snapshotId, r.GetValue(dir)!, progress) : restorer.RestoreExact(snapshotId, r.GetValue(dir)!, progress);
            }

            Renderer.Render(new RestoreView(snapshotId, r.GetValue(dir)!, report.Scope.ToString().ToLowerInvariant(), report.Summary,
                report.Files.Where(f => f.DisplacedPath is not null || f.Action != RestoreFileAction.Unchanged)
                    .Select(f => new RestoredFileView(f.RelativePath, f.Action.ToString().ToLowerInvariant(), f.DisplacedPath)).ToList())
                {
                    Store = report.Store.Select(d => (Drift: d, Code: CodeRegistry.Of(d.Code))).Select(x => new StoreDriftView(x.Code.Text, x.Code.Name,
                        x.Code.DefaultSeverity.ToString().ToLowerInvariant(), x.Drift.StoreName, x.Drift.Thumbprint, x.Drift.Subject, x.Drift.Problem, x.Drift.Fix)).ToList(),
                },
                format, r.InvocationConfiguration.Output);
            return ExitCodes.Clean;
        });
        return command;
    }
}
