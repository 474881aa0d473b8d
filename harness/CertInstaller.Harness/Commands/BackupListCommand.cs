using CertInstaller.Core.Codes;
using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness backup list: the snapshots under a backup root, newest first, each verified.</summary>
internal static class BackupListCommand
{
    public static Command Create()
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
}
