namespace CertInstaller.Core.Backup;

/// <summary>Tells whether the process named in a lock file still runs (stale-lock detection).</summary>
public interface ILockHolderProbe
{
    /// <summary>The identity written into locks this process takes.</summary>
    (string MachineName, int ProcessId, string ProcessName, DateTimeOffset ProcessStartUtc) Current { get; }

    /// <summary>True when the holder may still be running. Unknown (another machine) counts as alive.</summary>
    bool IsAlive(LockHolder holder);
}

