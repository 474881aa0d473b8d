using System.Management.Automation;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.PowerShell.Hosting;
using CertInstaller.PowerShell.Objects;

namespace CertInstaller.PowerShell.Commands;

/// <summary>Invoke-IcCertificateSafeInstall: snapshots the folder, runs the installer, puts third-party certificates back or
/// restores the folder exactly when the installer fails (Core's InstallerWrapper; certinstaller-action run).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "IcCertificateSafeInstall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IcSafeInstallResult))]
public sealed class InvokeIcCertificateSafeInstallCommand : IcCmdlet
{
    /// <summary>The certificates folder the installer may regenerate.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    /// <summary>The installer program (msiexec.exe, setup.exe, ...).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string FilePath { get; set; } = "";

    /// <summary>The installer's arguments.</summary>
    [Parameter(Position = 2)]
    public string[] ArgumentList { get; set; } = [];

    /// <summary>The backup root (default %ProgramData%\CertInstaller\Backups).</summary>
    [Parameter]
    public string? BackupRoot { get; set; }

    /// <summary>Globs always treated as third-party.</summary>
    [Parameter]
    public string[] Preserve { get; set; } = [];

    /// <summary>off, warn or fail: what a validation finding after the install does.</summary>
    [Parameter]
    [ValidateSet("off", "warn", "fail")]
    public string Validation { get; set; } = "warn";

    /// <summary>Host name the server certificates must carry.</summary>
    [Parameter]
    public string? HostName { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var folder = FileSystemPath(Path);
        var arguments = new[] { FilePath }.Concat(ArgumentList).ToList();
        var command = new InstallerCommand(arguments);
        if (!ShouldProcess(folder, $"Snapshot, run {command.Display}, then preserve or restore the certificates"))
        {
            return;
        }

        var given = new Dictionary<string, IReadOnlyList<string>>
        {
            ["--certdir"] = [folder],
            ["--backupdir"] = BackupRoot is { } root ? [FileSystemPath(root)] : [],
            ["--preserve-pattern"] = Preserve,
            ["--validation"] = [Validation],
            ["--host"] = HostName is { } host ? [host] : [],
        };
        ActionData data;
        try
        {
            data = WrapperOptions.ToActionData(given, command,
                System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "CertInstaller", "Backups"));
        }
        catch (ActionDataException e)
        {
            foreach (var problem in e.Items)
            {
                WriteError(Coded(CodeRegistry.Of(problem.Code), problem.ToString(), ErrorCategory.InvalidArgument, problem.Key));
            }

            return;
        }

        var result = new InstallerWrapper(new InstallerProcess()).Run(data, command);
        foreach (var line in result.Lines)
        {
            WriteVerbose(line.ToString());
        }

        WriteObject(new IcSafeInstallResult(result.RunId, result.Outcome, result.ExitCode, result.InstallerExitCode, result.SnapshotId,
            result.Restored, result.CertDir, result.BackupDir, result.LogPath));
    }
}
