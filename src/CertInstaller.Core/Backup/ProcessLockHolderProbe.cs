using System.Diagnostics;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>Checks the local process table (and, on Linux, a holder's state in /proc through the file-system port).</summary>
public sealed class ProcessLockHolderProbe : ILockHolderProbe
{
    private readonly IFileSystem _fs;

    /// <summary>Reads this process's identity; /proc is read through <see cref="BackupPorts.Machine"/>'s file system.</summary>
    public ProcessLockHolderProbe() : this(BackupPorts.Machine.FileSystem) { }

    /// <summary>Reads this process's identity; /proc is read through <paramref name="fileSystem"/>.</summary>
    public ProcessLockHolderProbe(IFileSystem fileSystem)
    {
        _fs = fileSystem;
        using var process = Process.GetCurrentProcess();
        Current = (Environment.MachineName, process.Id, process.ProcessName, new DateTimeOffset(process.StartTime.ToUniversalTime()));
    }

    /// <inheritdoc />
    public (string MachineName, int ProcessId, string ProcessName, DateTimeOffset ProcessStartUtc) Current { get; }

    /// <inheritdoc />
    public bool IsAlive(LockHolder holder)
    {
        if (!string.Equals(holder.MachineName, Current.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            var started = new DateTimeOffset(process.StartTime.ToUniversalTime());
            return Math.Abs((started - holder.ProcessStartUtc).TotalSeconds) < 2 && !IsZombie(holder.ProcessId);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // exited meanwhile
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // cannot inspect it (another user's process): assume it runs
        }
    }

    /// <summary>Linux: true when <paramref name="processId"/> has exited and waits to be reaped (state Z, or X: dead) in
    /// /proc/&lt;pid&gt;/stat. A zombie still has its id and start time, but it holds nothing: its lock is stale.</summary>
    internal bool IsZombie(int processId)
    {
        if (Platform.IsWindows)
        {
            return false; // no /proc: the process table decides
        }

        try
        {
            string stat;
            using (var reader = new StreamReader(_fs.OpenRead($"/proc/{processId}/stat")))
            {
                stat = reader.ReadToEnd();
            }

            var end = stat.LastIndexOf(')'); // the name (field 2) is in parentheses and may hold spaces or ')'
            return end >= 0 && end + 2 < stat.Length && stat[end + 2] is 'Z' or 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // no /proc (not Linux), or the process is gone: the process table above decides
        }
    }
}
