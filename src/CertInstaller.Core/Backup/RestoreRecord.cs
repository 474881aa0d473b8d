using System.Text.Json;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary><c>displaced/&lt;run&gt;/restore.json</c>: what one restore did, with the SHA-256 of every live file it kept aside,
/// recorded once when it copied them so retention need not re-hash them on every Commit.</summary>
/// <param name="SnapshotId">The snapshot restored.</param>
/// <param name="Target">The folder restored into.</param>
/// <param name="Files">Per-file outcome.</param>
internal sealed record RestoreRecord(string SnapshotId, string Target, IReadOnlyList<RestoreFileResult> Files)
{
    /// <summary>The displaced hashes recorded in <paramref name="path"/>, or null when there is no usable record.</summary>
    public static IReadOnlyList<string>? TryRead(IFileSystem fs, string path)
    {
        if (fs.GetEntry(path) is null)
        {
            return null;
        }

        try
        {
            var record = Json.Read<RestoreRecord>(fs, path);
            var displaced = record.Files?.Where(f => f.DisplacedPath is not null).ToList();
            return displaced is null || displaced.Any(f => f.DisplacedSha256 is null) ? null : displaced.Select(f => f.DisplacedSha256!).ToList();
        }
        catch (Exception e) when (IoErrors.IsIo(e) || e is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
