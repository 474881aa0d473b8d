using System.Text.RegularExpressions;

namespace CertInstaller.TestSupport;

/// <summary>Reads the Markdown tables of the READMEs (README.md, installer/README.md), for the tests that hold them to the code.</summary>
public static partial class ReadmeTables
{
    /// <summary>The rows of the first table under the heading <paramref name="heading"/>, cells trimmed.</summary>
    public static IReadOnlyList<string[]> Rows(string markdown, string heading)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == heading);
        if (start < 0)
        {
            throw new InvalidDataException($"README has no heading '{heading}'");
        }

        var rows = new List<string[]>();
        var inTable = false;
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('|'))
            {
                inTable = true;
                var cells = CellSplit().Split(line.Trim('|')).Select(c => c.Trim().Replace(@"\|", "|", StringComparison.Ordinal)).ToArray();
                if (!cells.All(c => c.Trim('-', ':').Length == 0))
                {
                    rows.Add(cells);
                }
            }
            else if (inTable)
            {
                break;
            }
        }

        return rows.Skip(1).ToList(); // the header row
    }

    /// <summary>The text of the first `code span` in a cell, or null.</summary>
    public static string? Code(string cell) => CodeSpan().Match(cell) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex CodeSpan();
}
