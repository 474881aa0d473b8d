using System.Text.RegularExpressions;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>One <c>name = value</c> line of an OpenSSL.cnf, with its section and line number.</summary>
public sealed record ConfigSetting(string Section, string Name, string Value, int Line);

/// <summary>
/// An OpenSSL.cnf read as the small INI dialect openssl uses: <c>[section]</c> headers, <c>name = value</c> lines in
/// file order (repeated names kept), <c>#</c> comments. There is no .NET library for openssl's config format, so this
/// is a deliberately small reader: it does not expand <c>$var</c> references or follow <c>.include</c>, which the
/// guide's file does not use. Settings that are commented out are kept apart, because a commented-out
/// <c>req_extensions</c> is the guide's best-known pitfall.
/// </summary>
public sealed record OpenSslConfig(
    IReadOnlyList<ConfigSetting> Settings,
    IReadOnlyList<ConfigSetting> CommentedOut,
    IReadOnlyList<string> Sections,
    IReadOnlyList<(int Line, string Text)> Unparsed)
{
    private static readonly Regex Section = new(@"^\[\s*(?<name>[^\]]+?)\s*\]\s*(#.*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex Setting = new(@"^(?<name>[A-Za-z0-9_.;:$\-]+)\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant);

    /// <summary>The section openssl reads settings from before the first header.</summary>
    public const string DefaultSection = "default";

    /// <summary>Reads the text of a cnf file; never throws for content (unreadable lines are listed in <see cref="Unparsed"/>).</summary>
    public static OpenSslConfig Parse(string text)
    {
        var settings = new List<ConfigSetting>();
        var commented = new List<ConfigSetting>();
        var sections = new List<string> { DefaultSection };
        var unparsed = new List<(int, string)>();
        var section = DefaultSection;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                if (Setting.Match(line.TrimStart('#', ' ', '\t')) is { Success: true } c)
                {
                    commented.Add(new ConfigSetting(section, c.Groups["name"].Value, StripComment(c.Groups["value"].Value), i + 1));
                }

                continue;
            }

            if (Section.Match(line) is { Success: true } s)
            {
                section = s.Groups["name"].Value;
                if (!sections.Contains(section, StringComparer.Ordinal))
                {
                    sections.Add(section);
                }

                continue;
            }

            if (line.StartsWith(".include", StringComparison.Ordinal) || line.StartsWith(".pragma", StringComparison.Ordinal))
            {
                continue;
            }

            if (Setting.Match(line) is { Success: true } m)
            {
                settings.Add(new ConfigSetting(section, m.Groups["name"].Value, StripComment(m.Groups["value"].Value), i + 1));
            }
            else
            {
                unparsed.Add((i + 1, line));
            }
        }

        return new OpenSslConfig(settings, commented, sections, unparsed);
    }

    /// <summary>True when the file has a <c>[name]</c> section.</summary>
    public bool HasSection(string name) => Sections.Contains(name, StringComparer.Ordinal);

    /// <summary>The settings of section <paramref name="name"/>, in file order.</summary>
    public IReadOnlyList<ConfigSetting> In(string name) => Settings.Where(s => s.Section == name).ToList();

    /// <summary>The last value of <paramref name="name"/> in <paramref name="section"/> (openssl keeps the last), else null.</summary>
    public string? Get(string section, string name) => Settings.LastOrDefault(s => s.Section == section && s.Name == name)?.Value;

    // A '#' ends the value unless escaped or inside quotes; surrounding quotes are removed, as openssl does.
    private static string StripComment(string value)
    {
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (value[i] == '#' && !quoted)
            {
                value = value.Substring(0, i);
                break;
            }
        }

        value = value.Trim();
        return value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"' ? value.Substring(1, value.Length - 2) : value;
    }
}
