using System.Management.Automation;

namespace CertInstaller.PowerShell.Commands;

/// <summary>The parameters of the cmdlets that copy a certificates folder to or from a backup root (Backup- and
/// Restore-IcCertificateFolder), declared once.</summary>
public abstract class IcFolderBackupCmdlet : IcBackupCmdlet
{
    /// <summary>The certificates folder (snapshotted, or restored into).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>The backup root (private: 0700/0600, or SYSTEM+Administrators ACL).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string BackupRoot { get; set; } = "";

    /// <summary><see cref="Path"/> as a file-system path.</summary>
    protected string Folder => FileSystemPath(Path);

    /// <summary><see cref="BackupRoot"/> as a file-system path.</summary>
    protected string Root => FileSystemPath(BackupRoot);
}
