namespace CertInstaller.Core.Backup;

/// <summary>Names inside a backup root and a snapshot.</summary>
internal static class SnapshotLayout
{
    public const string ManifestFile = "manifest.json";
    public const string ValidationFile = "validation.json";
    public const string FilesFolder = "files";
    public const string DisplacedFolder = "displaced";
    public const string RestoreReportFile = "restore.json";
    public const string PartialSuffix = ".partial";
    public const string DeletingSuffix = ".deleting";
    public const string LockFile = "certinstaller.lock";

    /// <summary>Suffix of a restore's staging file, next to its target. Reserved: a re-run deletes such leftovers.</summary>
    public const string StagingSuffix = ".certinstaller-staging";

    public static string IdFor(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)
        + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);

    /// <summary>The time an id names (its first 16 characters).</summary>
    public static DateTimeOffset TimeOf(string id) =>
        DateTimeOffset.ParseExact(id.Substring(0, 16), "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    /// <summary>True for names shaped like an id (complete snapshots; not partial or being deleted).</summary>
    public static bool IsSnapshotId(string name) =>
        name.Length == 23 && name[8] == 'T' && name[15] == 'Z' && name[16] == '-'
        && name.Take(8).All(char.IsDigit) && name.Skip(9).Take(6).All(char.IsDigit)
        && name.Skip(17).All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
}
