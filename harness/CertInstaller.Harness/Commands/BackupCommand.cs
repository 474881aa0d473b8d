using System.CommandLine;

namespace CertInstaller.Harness.Commands;

/// <summary>certharness backup: the group of create, list, verify and restore (one file each, Backup*Command).</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var command = new Command("backup", """
            Snapshots of a certificates folder under a backup root (private: 0700/0600, or SYSTEM+Administrators ACL).
            Exit codes: 0 done; 1 list or verify found a damaged (or planted) snapshot; 2 bad usage, unreadable folder or refused restore.
            """);
        command.Add(BackupCreateCommand.Create());
        command.Add(BackupListCommand.Create());
        command.Add(BackupVerifyCommand.Create());
        command.Add(BackupRestoreCommand.Create());
        return command;
    }
}
