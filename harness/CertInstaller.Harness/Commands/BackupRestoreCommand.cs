using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness backup restore: put a snapshot back, exactly or third-party files only.</summary>
internal static class BackupRestoreCommand
{
    public static Command Create()
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
                ?? throw new HarnessException(InputErrorCode.NoIntactSnapshot, $"{store.Root}: no complete snapshot that verifies, so nothing to restore (run 'certharness backup list --from {store.Root}')");
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
