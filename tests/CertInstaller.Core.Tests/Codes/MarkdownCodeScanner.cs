using System.Globalization;
using System.Text.RegularExpressions;
using CertInstaller.Core.Codes;

namespace CertInstaller.Core.Tests.Codes;

/// <summary>
/// Finds the <c>CI&lt;number&gt;</c> codes a markdown text writes that the registry does not print as written: a number
/// no code has, a range whose ends are not codes of one area, a wildcard (<c>CI31xx</c>) no code matches, or a code
/// written next to the name of another code (<c>CI3101</c>–<c>CI3109</c>; <c>NotPrivate</c>, which is CI10109).
/// </summary>
internal sealed class MarkdownCodeScanner
{
    // CI31xx; CI3101; a range CI3101–CI3109 (en dash, em dash or hyphen; backticks and a line break may sit around the dash
    // when the second end is written with CI) or CI3101–3109 (the second end right after the dash).
    private static readonly Regex Mention = new(
        @"CI(?<prefix>\d+)(?<wild>x+)\b|CI(?<first>\d+)\b(?:`?\s*[-–—]\s*`?CI(?<last>\d+)\b|[-–—](?<last>\d+)\b)?",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // A name written right beside a code: "CI10052 StagingTampered", "`CI10005,SnapshotNotFound`", "`WeakSignatureDigest` (CI3148)".
    private static readonly Regex NameAfter = new(@"\G[`\s(,;:]{1,4}(?<name>[A-Z][A-Za-z0-9]+)\b", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly Regex NameBefore = new(@"\b(?<name>[A-Z][A-Za-z0-9]+)[`\s(,;:]{1,4}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private readonly Dictionary<int, CodeInfo> _byNumber;
    private readonly HashSet<string> _names;
    private readonly List<(CodeArea Area, int First, int Last)> _areas;

    /// <summary>A scanner over <paramref name="codes"/> (normally <see cref="CodeRegistry.All"/>).</summary>
    public MarkdownCodeScanner(IReadOnlyList<CodeInfo> codes)
    {
        _byNumber = codes.ToDictionary(c => c.Number);
        _names = codes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        _areas = Enum.GetValues<CodeArea>().Select(a => (a, CodeRegistry.RangeOf(a).First, CodeRegistry.RangeOf(a).Last)).ToList();
    }

    /// <summary>The scanner over the product's registry.</summary>
    public static MarkdownCodeScanner Registry { get; } = new(CodeRegistry.All());

    /// <summary>One line per stale mention in <paramref name="text"/>: "line N: what is written: what is wrong".</summary>
    public IEnumerable<string> Problems(string text)
    {
        foreach (Match m in Mention.Matches(text))
        {
            var problem = m.Groups["wild"].Success ? Wildcard(m)
                : m.Groups["last"].Success ? Range(m, text)
                : Single(m, text);
            if (problem is not null)
                yield return $"line {1 + text.Take(m.Index).Count(c => c == '\n')}: {Regex.Replace(m.Value, @"\s+", " ")}: {problem}";
        }
    }

    private string? Single(Match m, string text)
    {
        if (Code(m.Groups["first"].Value) is not { } code) return "no code has this number (docs/codes.md lists every code)";
        var before = text.Substring(Math.Max(0, m.Index - 80), Math.Min(80, m.Index));
        return new[] { NameAfter.Match(text, m.Index + m.Length), NameBefore.Match(before) }
            .Where(n => n.Success && _names.Contains(n.Groups["name"].Value) && n.Groups["name"].Value != code.Name)
            .Select(n => $"written beside {n.Groups["name"].Value}, but {code.Text} is {code.Name}")
            .FirstOrDefault();
    }

    // Both ends must be codes of one area; the numbers between need not all be codes, because areas keep gaps (CI8121–CI8129
    // are unused). An area's whole range (CI11001–CI11099, as CodeRegistry.RangeOf has it) is accepted as written.
    private string? Range(Match m, string text)
    {
        var firstText = m.Groups["first"].Value;
        var lastText = m.Groups["last"].Value;
        if (int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var f)
            && int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
            && _areas.Any(a => a.First == f && a.Last == l))
            return null;

        var first = Code(firstText);
        var last = Code(lastText);
        if (first is null || last is null)
            return $"no code has the number {(first is null ? firstText : lastText)} (each end of a range must be a code, or the range an area's)";
        if (first.Area != last.Area) return $"the ends are in different areas ({first.Area}, {last.Area})";
        if (first.Number >= last.Number) return "the range runs backwards";
        var name = NameAfter.Match(text, m.Index + m.Length);
        return name.Success && _names.Contains(name.Groups["name"].Value)
               && !_byNumber.Values.Any(c => c.Number >= first.Number && c.Number <= last.Number && c.Name == name.Groups["name"].Value)
            ? $"written beside {name.Groups["name"].Value}, which is not a code of {first.Text}–{last.Text}"
            : null;
    }

    private string? Wildcard(Match m)
    {
        var prefix = m.Groups["prefix"].Value;
        var width = prefix.Length + m.Groups["wild"].Length;
        return _byNumber.Keys.Select(n => n.ToString(CultureInfo.InvariantCulture)).Any(n => n.Length == width && n.StartsWith(prefix, StringComparison.Ordinal))
            ? null
            : "no code matches this pattern";
    }

    private CodeInfo? Code(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && _byNumber.TryGetValue(n, out var code) ? code : null;
}
