using System.Management.Automation;
using CertInstaller.Core.Backup;
using CertInstaller.PowerShell.Hosting;

namespace CertInstaller.PowerShell.Commands;

/// <summary>What the backup cmdlets share: the machine's ports (wired once, in <see cref="BackupPorts.Machine"/>) and the one
/// place where a <see cref="BackupException"/> becomes a coded error record.</summary>
public abstract class IcBackupCmdlet : IcCmdlet
{
    /// <summary>The snapshot store at <paramref name="root"/> on the machine's ports.</summary>
    protected static SnapshotStore Store(string root) => BackupPorts.Machine.Store(root);

    /// <summary>Runs <paramref name="work"/>; a backup error becomes an error record ("CI10005,SnapshotNotFound") on
    /// <paramref name="target"/> when the error names no path of its own.</summary>
    protected void Guarded(string target, Action work)
    {
        try
        {
            work();
        }
        catch (BackupException e)
        {
            WriteError(Backups.Error(e, target));
        }
    }
}
