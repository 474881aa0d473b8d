using System.Management.Automation;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.IO;
using CertInstaller.Core.Preservation;
using CertInstaller.PowerShell.Hosting;
using CertInstaller.PowerShell.Objects;

namespace CertInstaller.PowerShell.Commands;

/// <summary>Backup-IcCertificateFolder: snapshots a certificates folder under a backup root (certharness backup create).</summary>
[Cmdlet(VerbsData.Backup, "IcCertificateFolder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(IcSnapshot))]
public sealed class BackupIcCertificateFolderCommand : IcFolderBackupCmdlet
{
    /// <summary>Why (recorded in the manifest).</summary>
    [Parameter]
    public string Reason { get; set; } = "manual";

    /// <summary>Globs always treated as third-party.</summary>
    [Parameter]
    public string[] Preserve { get; set; } = [];

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var (folder, root) = (Folder, Root);
        if (!ShouldProcess(folder, $"Snapshot into {root}"))
        {
            return;
        }

        Guarded(folder, () =>
        {
            var snapshot = WithProgress($"Backup-IcCertificateFolder {folder}",
                progress => ClassifiedSnapshot.Create(Store(root), folder, Reason, Preserve, progress: progress));
            WriteObject(Backups.Snapshot(snapshot.Path, snapshot.Manifest, true, null));
        });
    }
}

/// <summary>Get-IcCertificateBackup: the snapshots of a backup root, newest first, each verified (certharness backup list).</summary>
[Cmdlet(VerbsCommon.Get, "IcCertificateBackup")]
[OutputType(typeof(IcSnapshot))]
public sealed class GetIcCertificateBackupCommand : IcBackupCmdlet
{
    /// <summary>The backup root (first, and from the pipeline: Get-Item D:\Backups | Get-IcCertificateBackup).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string BackupRoot { get; set; } = "";

    /// <summary>One snapshot id (default: every snapshot).</summary>
    [Parameter(Position = 1)]
    public string? Id { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var root = FileSystemPath(BackupRoot);
        Guarded(root, () =>
        {
            var store = Store(root);
            var checks = Id is { } one ? [store.Verify(one)] : store.VerifyAll();
            foreach (var c in checks)
            {
                var problem = c.IsValid ? null
                    : $"{CodeRegistry.Of(c.Issues[0].Code).Text} {c.Issues[0].Code} {c.Issues[0].RelativePath}: {c.Issues[0].Message}";
                WriteObject(c.Manifest is { } manifest
                    ? Backups.Snapshot(System.IO.Path.Combine(store.Root, c.SnapshotId), manifest, c.IsValid, problem)
                    : new IcSnapshot(c.SnapshotId, System.IO.Path.Combine(store.Root, c.SnapshotId), null, null, null, null, [], false, problem));
            }
        });
    }
}

/// <summary>Restore-IcCertificateFolder: puts a verified snapshot back, exactly or third-party files only (certharness backup restore).</summary>
[Cmdlet(VerbsData.Restore, "IcCertificateFolder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(IcRestoreResult))]
public sealed class RestoreIcCertificateFolderCommand : IcFolderBackupCmdlet
{
    /// <summary>The snapshot id (default: the newest that verifies).</summary>
    [Parameter]
    public string? Id { get; set; }

    /// <summary>Put back only third-party files.</summary>
    [Parameter]
    public SwitchParameter ThirdPartyOnly { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var (folder, root) = (Folder, Root);
        Guarded(folder, () =>
        {
            var store = Store(root);
            var id = Id ?? store.NewestIntact()?.Id;
            if (id is null)
            {
                WriteError(Coded(CodeRegistry.Of(BackupErrorCode.SnapshotNotFound),
                    $"{root}: no complete snapshot that verifies, so nothing to restore; run Get-IcCertificateBackup {root}",
                    ErrorCategory.ObjectNotFound, root));
                return;
            }

            var restorer = new SnapshotRestorer(store);
            var changes = restorer.Preview(id, folder, ThirdPartyOnly).Select(f => new IcRestoredFile(f.RelativePath, f.Action, null)).ToList();
            var what = changes.Count == 0
                ? $"Restore snapshot {id} into {folder}: every file already matches"
                : $"Restore snapshot {id} into {folder} ({(ThirdPartyOnly ? "third-party files" : "exact")}):"
                  + string.Concat(changes.Select(c => $"{Environment.NewLine}  {c.Action,-8} {c.Path}"));
            if (!ShouldProcess(what, $"Restore snapshot {id} into {folder}? {changes.Count} file(s) change.", "Restore-IcCertificateFolder"))
            {
                return;
            }

            var report = WithProgress($"Restore-IcCertificateFolder {folder}",
                progress => ThirdPartyOnly ? restorer.RestoreThirdParty(id, folder, progress) : restorer.RestoreExact(id, folder, progress));
            WriteObject(new IcRestoreResult(report.SnapshotId, report.TargetFolder, report.Scope, report.Summary,
                report.Files.Where(f => f.Action != RestoreFileAction.Unchanged).Select(f => new IcRestoredFile(f.RelativePath, f.Action, f.DisplacedPath)).ToArray(),
                report.DisplacedFolder));
            // The stores are reported, never re-imported (src/CertInstaller.Core/Backup/README.md).
            foreach (var drift in report.Store)
            {
                var code = CodeRegistry.Of(drift.Code);
                var text = $"{code.Text} {drift.StoreName}: {drift.Problem} Fix: {drift.Fix}";
                if (drift.Code == StoreDriftCode.StoreNotRecorded) WriteVerbose(text);
                else WriteWarning(text);
            }
        });
    }
}

/// <summary>Shared shaping of snapshots and backup errors.</summary>
internal static class Backups
{
    public static IcSnapshot Snapshot(string path, SnapshotManifest manifest, bool intact, string? problem) =>
        new(manifest.Id, path, manifest.CreatedUtc.UtcDateTime, manifest.Reason, manifest.SourcePath, manifest.Files.Count,
            manifest.ThirdPartyFiles.Select(f => f.RelativePath).ToArray(), intact, problem);

    public static ErrorRecord Error(BackupException e, string target) =>
        new(e, $"{CodeRegistry.Of(e.Code).Text},{e.Code}", Category(e.Code), e.FilePath ?? target);

    private static ErrorCategory Category(BackupErrorCode code) => code switch
    {
        BackupErrorCode.SnapshotNotFound or BackupErrorCode.PathNotInSnapshot => ErrorCategory.ObjectNotFound,
        BackupErrorCode.LockHeld or BackupErrorCode.FolderLockUnusable => ErrorCategory.ResourceBusy,
        BackupErrorCode.SnapshotInvalid or BackupErrorCode.ManifestUnreadable => ErrorCategory.InvalidData,
        BackupErrorCode.InvalidArgument or BackupErrorCode.SourceNotAFolder or BackupErrorCode.FolderUnsafe => ErrorCategory.InvalidArgument,
        _ => ErrorCategory.WriteError,
    };
}
