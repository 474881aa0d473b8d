using System.Text.RegularExpressions;

namespace CertInstaller.Harness.Tests.Golden;

/// <summary>
/// Replaces in a transcript only what must differ between runs: the fixture's temporary folder becomes &lt;dir&gt;,
/// a snapshot id (its creation time plus a random suffix) &lt;snapshot-id&gt;, and a snapshot's creation time &lt;created&gt;.
/// Everything else (certificate dates, serials, digests, codes) must match exactly.
/// </summary>
internal static partial class GoldenNormaliser
{
    public static string Normalise(string text, string root)
    {
        text = text.Replace(root, "<dir>", StringComparison.Ordinal)
            .Replace(root.Replace("\\", "\\\\", StringComparison.Ordinal), "<dir>", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        // Help's usage line names the process: testhost under dotnet test (as blessed), the test exe under the win-x64 runner.
        var host = Path.GetFileNameWithoutExtension(Environment.GetCommandLineArgs()[0]);
        if (host != "testhost")
        {
            text = text.Replace($"\n  {host} ", "\n  testhost ", StringComparison.Ordinal);
        }

        if (Path.DirectorySeparatorChar == '\\')
        {
            // Windows (the win-x64 run under Wine): a path under the fixture's folder with the separators of the blessed transcripts.
            text = UnderDir().Replace(text, m => m.Value.Replace("\\\\", "/", StringComparison.Ordinal).Replace('\\', '/'));
        }

        text = SnapshotId().Replace(text, "<snapshot-id>");
        text = ListedTime().Replace(text, "${id}<created>");
        return CreatedProperty().Replace(text, "${name}\"<created>\"");
    }

    // A path that starts at the fixture's folder, as text or JSON-escaped: up to a space, quote or bracket.
    [GeneratedRegex(@"<dir>[^\s""'<>\]\)]*")]
    private static partial Regex UnderDir();

    [GeneratedRegex(@"\b\d{8}T\d{6}Z-[0-9a-f]{6}\b")]
    private static partial Regex SnapshotId();

    // backup list's text line: "<id>  yyyy-MM-dd HH:mmZ ...".
    [GeneratedRegex(@"(?<id><snapshot-id>\s+)\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z")]
    private static partial Regex ListedTime();

    // A snapshot's creation time in JSON (certificate validity is never under this name).
    [GeneratedRegex("(?<name>\"created(Utc)?\"\\s*:\\s*)\"[^\"]*\"", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedProperty();
}
