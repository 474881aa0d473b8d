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

    /// <summary>Suffix of a restore's staging file, next to its target: <c>name.&lt;16 hex of the run&gt;.certinstaller-staging</c>.
    /// The suffix alone reserves nothing (an admin's <c>x.certinstaller-staging</c> is a file like any other); only a name
    /// that also carries a run's 16-hex token counts as a leftover (<see cref="IsStagingName"/>).</summary>
    public const string StagingSuffix = ".certinstaller-staging";

    private const int StagingTokenLength = 16;

    /// <summary>A new unpredictable token for one restore run's staging names.</summary>
    public static string NewStagingToken() => Guid.NewGuid().ToString("N").Substring(0, StagingTokenLength);

    /// <summary>Where a restore run stages the file <paramref name="targetPath"/>: next to it, under a name no one can guess before the run.</summary>
    public static string StagingPathFor(string targetPath, string token) => targetPath + "." + token + StagingSuffix;

    /// <summary>True for a staging name: <c>&lt;name&gt;.&lt;16 lower-case hex&gt;.certinstaller-staging</c>.</summary>
    public static bool IsStagingName(string name)
    {
        var tokenStart = name.Length - StagingSuffix.Length - StagingTokenLength;
        return tokenStart > 1
            && name.EndsWith(StagingSuffix, StringComparison.Ordinal)
            && name[tokenStart - 1] == '.'
            && name.Substring(tokenStart, StagingTokenLength).All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

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
