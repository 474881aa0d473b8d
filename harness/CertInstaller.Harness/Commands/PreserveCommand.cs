using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Preservation;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness preserve: puts back third-party files an install regenerated, from a pre-install snapshot.</summary>
internal static class PreserveCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("certdir") { Description = "the certificates folder" };
        var from = new Option<string>("--from") { Description = "backup root", Required = true };
        var id = new Option<string?>("--snapshot") { Description = "the pre-install snapshot id (default: the newest)" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("preserve", """
            Put back every third-party file of the snapshot that the install changed or removed; the regenerated files
            are kept in the snapshot's displaced area. What counts as third-party was decided by 'backup create' (--preserve globs included). A third-party file changed on purpose since the snapshot is left
            alone and reported. Running it twice changes nothing the second time.
            Afterwards it reports what 'certharness validate' will fail on and preserve never moves: an IC CA the current
            Server Group did not issue (CI9001) and certificates of a displaced Server Group root (CI9002).
            Exit codes: 0 done; 1 some files were left alone (changed by an admin), or CI9001/CI9002 orphans remain;
            2 bad usage or damaged snapshot.
            Example: certharness preserve D:\I3\IC\Certificates --from D:\CertBackups
            """) { dir, from, id, json };
        command.SetAction(r =>
        {
            var store = BackupPorts.Machine.Store(r.GetValue(from)!);
            var snapshotId = r.GetValue(id) ?? store.NewestIntact()?.Id
                ?? throw new HarnessException(InputErrorCode.NoIntactSnapshot, $"{store.Root}: no complete snapshot that verifies (take one with 'certharness backup create')");
            var run = new Core.Pki.RunCache();
            var result = new Preserver(store, run).Preserve(snapshotId, r.GetValue(dir)!);
            var orphans = OrphanCheck.Find(r.GetValue(dir)!, DateTimeOffset.UtcNow, run);
            var output = r.InvocationConfiguration.Output;
            Renderer.Render(new PreserveView(snapshotId,
                result.Items.Select(i => new PreservedFileView(i.RelativePath, i.Decision.ToString(), i.Reason)).ToList())
                {
                    Summary = result.Summary,
                    Orphans = orphans.Select(f => new FindingView(f.CodeText, f.Severity.ToString().ToLowerInvariant(), f.Path, Hints.Message(f)) { Name = f.Code.ToString() }).ToList(),
                },
                new OutputOptions(json).Format(r), output);
            return result.Items.Any(i => i.Decision == PreservationDecision.KeptChangedByAdmin) || orphans.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }
}
