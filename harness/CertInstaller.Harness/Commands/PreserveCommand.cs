using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Preservation;
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
            Exit codes: 0 done; 1 some files were left alone (changed by an admin); 2 bad usage or damaged snapshot.
            Example: certharness preserve D:\I3\IC\Certificates --from D:\CertBackups
            """) { dir, from, id, json };
        command.SetAction(r =>
        {
            var store = BackupPorts.Machine.Store(r.GetValue(from)!);
            var snapshotId = r.GetValue(id) ?? store.NewestIntact()?.Id
                ?? throw new HarnessException($"{store.Root}: no complete snapshot that verifies (take one with 'certharness backup create')");
            var result = new Preserver(store).Preserve(snapshotId, r.GetValue(dir)!);
            var output = r.InvocationConfiguration.Output;
            Renderer.Render(new PreserveView(snapshotId,
                result.Items.Select(i => new PreservedFileView(i.RelativePath, i.Decision.ToString(), i.Reason)).ToList()) { Summary = result.Summary },
                new OutputOptions(json).Format(r), output);
            return result.Items.Any(i => i.Decision == PreservationDecision.KeptChangedByAdmin) ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }
}
