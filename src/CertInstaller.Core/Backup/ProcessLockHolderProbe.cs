using System.Diagnostics;

namespace CertInstaller.Core.Backup;

/// <summary>Checks the local process table.</summary>
public sealed class ProcessLockHolderProbe : ILockHolderProbe
{
    /// <summary>Reads this process's identity.</summary>
    public ProcessLockHolderProbe()
    {
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
            return Math.Abs((started - holder.ProcessStartUtc).TotalSeconds) < 2;
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
}
