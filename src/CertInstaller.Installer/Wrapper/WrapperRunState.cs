using System.Text.Json;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// <c>certinstaller-run.json</c> in the backup root: which <c>certinstaller-action run</c> owns the folder from before its
/// Backup until it has committed or restored. The backup root's lock is taken per step (the actions take it themselves),
/// so between steps this file is what tells a second wrapper on the same root that it is busy, and tells the next run that an
/// earlier one was interrupted (its holder no longer runs) and must be finished first.
/// </summary>
/// <param name="RunId">Random id of the run; also in its lock's reason, so the log shows which run a custom action ran into.</param>
/// <param name="MachineName">Machine of the wrapper process.</param>
/// <param name="ProcessId">The wrapper's process id.</param>
/// <param name="ProcessName">The wrapper's process name.</param>
/// <param name="ProcessStartUtc">When the wrapper process started.</param>
/// <param name="Command">The wrapped command (secrets hidden).</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="Phase">Where the run is (<see cref="WrapperPhase"/>).</param>
public sealed record WrapperRunState(
    string RunId,
    string MachineName,
    int ProcessId,
    string ProcessName,
    DateTimeOffset ProcessStartUtc,
    string Command,
    DateTimeOffset StartedUtc,
    WrapperPhase Phase)
{
    // Source-generated contract (Serialization.InstallerJsonContext), indented as the file has always been written.
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<WrapperRunState> Info =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<WrapperRunState>)Serialization.InstallerJsonContext.CamelCase(indented: true).GetTypeInfo(typeof(WrapperRunState));

    /// <summary>The file name in the backup root.</summary>
    public const string FileName = "certinstaller-run.json";

    /// <summary>The pre-install snapshot, once Backup has taken it.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>The installer process, once started.</summary>
    public StartedProcess? Installer { get; init; }

    /// <summary>The wrapper as a lock holder, for the stale check.</summary>
    public LockHolder AsHolder() => new(MachineName, ProcessId, ProcessName, ProcessStartUtc, StartedUtc, "certinstaller-action run " + RunId + ": " + Command, RunId);

    /// <summary>The installer as a lock holder, for the "still running" check; null before it started.</summary>
    public LockHolder? InstallerAsHolder() => Installer is { } p
        ? new LockHolder(MachineName, p.ProcessId, p.ProcessName, p.StartUtc, StartedUtc, Command, RunId + "-installer")
        : null;

    /// <summary>The state file of <paramref name="backupRoot"/>.</summary>
    public static string PathIn(string backupRoot) => Path.Combine(backupRoot, FileName);

    /// <summary>Reads the state; null when there is none. An unreadable file (torn write) reads as an interrupted run of unknown holder.</summary>
    public static WrapperRunState? Read(IFileSystem fs, string backupRoot)
    {
        var path = PathIn(backupRoot);
        if (fs.GetEntry(path) is null)
        {
            return null;
        }

        try
        {
            using var stream = fs.OpenRead(path);
            return JsonSerializer.Deserialize(stream, Info) ?? throw new JsonException("the run state is null");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new WrapperRunState("unreadable", "", 0, "", default, "(unknown: the run state was unreadable)", default, WrapperPhase.Starting);
        }
    }

    /// <summary>Writes (replaces) the state atomically: a temporary file, then a rename.</summary>
    public void Write(IFileSystem fs, string backupRoot)
    {
        var path = PathIn(backupRoot);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        Durable.WriteNew(fs, temp, JsonSerializer.SerializeToUtf8Bytes(this, Info), privateAccess: true);
        fs.MoveFile(temp, path, overwrite: true);
    }

    /// <summary>Deletes the state if it is still <paramref name="runId"/>'s.</summary>
    public static void Delete(IFileSystem fs, string backupRoot, string runId)
    {
        var path = PathIn(backupRoot);
        if (fs.GetEntry(path) is not null && Read(fs, backupRoot) is { } state && state.RunId == runId)
        {
            fs.DeleteFile(path);
        }
    }
}

/// <summary>Where a wrapped run is.</summary>
public enum WrapperPhase
{
    /// <summary>Claimed the folder; no snapshot yet.</summary>
    Starting,
    /// <summary>Backup took the snapshot; the installer is about to run or runs.</summary>
    Installing,
    /// <summary>The installer exited; Preserve, Validate and Commit, or the restore, run.</summary>
    Finishing,
    /// <summary>A restore failed: the next run restores again.</summary>
    RestoreFailed,
}
