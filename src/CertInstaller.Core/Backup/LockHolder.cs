namespace CertInstaller.Core.Backup;

/// <summary>Who holds the lock on a backup root; stored as the lock file's JSON.</summary>
/// <param name="MachineName">Machine of the holding process.</param>
/// <param name="ProcessId">Its process id.</param>
/// <param name="ProcessName">Its process name (e.g. msiexec).</param>
/// <param name="ProcessStartUtc">When that process started (tells a recycled process id apart).</param>
/// <param name="AcquiredUtc">When it took the lock.</param>
/// <param name="Reason">What it is doing (e.g. "backup of D:\I3\IC\Certificates").</param>
/// <param name="Token">Random token identifying this acquisition.</param>
public sealed record LockHolder(
    string MachineName,
    int ProcessId,
    string ProcessName,
    DateTimeOffset ProcessStartUtc,
    DateTimeOffset AcquiredUtc,
    string Reason,
    string Token)
{
    /// <summary>One line naming the holder, for error messages.</summary>
    public string Describe() =>
        $"process {ProcessName} (id {ProcessId}) on {MachineName}, since {AcquiredUtc:yyyy-MM-dd HH:mm:ss}Z, doing: {Reason}";
}
