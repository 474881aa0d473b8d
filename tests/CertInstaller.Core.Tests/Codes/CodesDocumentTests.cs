using System.Text;
using System.Text.RegularExpressions;
using CertInstaller.Core.Codes;

namespace CertInstaller.Core.Tests.Codes;

/// <summary>
/// docs/codes.md lists every code of <see cref="CodeRegistry"/> once, with its name and default severity.
/// Set CERTINSTALLER_BLESS_CODES=1 to rewrite the table's code/name/area/severity columns from the registry; meaning and
/// fix stay as written, and a new code's row gets "?" until a person writes them (the test fails on "?").
/// </summary>
public sealed class CodesDocumentTests
{
    private static readonly Regex Row = new(@"^\| (CI\d+) \| (\w+) \| (\w+) \| (\w+) \| (.*) \| (.*) \|$", RegexOptions.Compiled);

    [Test]
    public void Document_ListsEveryCodeOnce_AsTheRegistryHasIt()
    {
        var path = Path.Combine(Repository.Root, "docs", "codes.md");
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var rows = lines.Select(l => Row.Match(l)).Where(m => m.Success).ToList();
        var expected = CodeRegistry.All();

        if (Environment.GetEnvironmentVariable("CERTINSTALLER_BLESS_CODES") == "1")
        {
            Bless(path, lines, rows, expected);
            return;
        }

        var actual = rows.Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value} {m.Groups[4].Value}").ToList();
        var wanted = expected.Select(Key).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(actual.Except(wanted), Is.Empty, "rows in docs/codes.md that the registry does not have");
            Assert.That(wanted.Except(actual), Is.Empty, "codes missing from docs/codes.md (CERTINSTALLER_BLESS_CODES=1 adds them)");
            Assert.That(actual.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "codes listed twice");
            Assert.That(rows.Where(m => Blank(m.Groups[5].Value) || Blank(m.Groups[6].Value)).Select(m => m.Groups[1].Value),
                Is.Empty, "codes without a meaning or a fix");
        });
    }

    private static string Key(CodeInfo c) => $"{c.Text} {c.Name} {c.Area} {c.DefaultSeverity.ToString().ToLowerInvariant()}";

    private static bool Blank(string text) => text.Trim() is "" or "?";

    private static void Bless(string path, string[] lines, List<Match> rows, IReadOnlyList<CodeInfo> codes)
    {
        var known = rows.GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => (Meaning: g.First().Groups[5].Value, Fix: g.First().Groups[6].Value));
        var header = lines.TakeWhile(l => !l.StartsWith("| code |", StringComparison.Ordinal)).ToList();
        var text = new StringBuilder();
        foreach (var line in header) text.AppendLine(line);
        text.AppendLine("| code | name | area | default severity | meaning | fix |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in codes)
        {
            var (meaning, fix) = known.TryGetValue(c.Text, out var k) ? k : ("?", "?");
            text.AppendLine($"| {Key(c).Replace(" ", " | ")} | {meaning} | {fix} |");
        }
        File.WriteAllText(path, text.ToString());
    }
}
