using System.CommandLine;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Preservation;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness backup create: snapshot a certificates folder under a backup root.</summary>
internal static class BackupCreateCommand
{
    public static Command Create()
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
}
