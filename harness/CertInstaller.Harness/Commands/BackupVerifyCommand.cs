using CertInstaller.Core.Codes;
using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness backup verify: re-hash snapshot files against their manifest.</summary>
internal static class BackupVerifyCommand
{
    public static Command Create()
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
}
