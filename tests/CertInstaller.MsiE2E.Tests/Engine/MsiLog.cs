using System.Text.RegularExpressions;

namespace CertInstaller.MsiE2E.Tests.Engine;

/// <summary>Reads verbose MSI logs of both engines.</summary>
public static partial class MsiLog
{
    /// <summary>Whether the log shows <paramref name="action"/> starting (Wine logs a deferred action twice: when it
    /// is scheduled and when it runs).</summary>
    public static bool Started(string log, string action) =>
        Regex.IsMatch(log, $@"^Action start [\d:]+: {Regex.Escape(action)}\.", RegexOptions.Multiline);

    /// <summary>Where in the log <paramref name="action"/> first starts, or -1: a UI-sequence action of a reduced or full UI
    /// starts before ExecuteAction does.</summary>
    public static int FirstStart(string log, string action) =>
        Regex.Match(log, $@"^Action start [\d:]+: {Regex.Escape(action)}\.", RegexOptions.Multiline) is { Success: true } m ? m.Index : -1;

    /// <summary>The value a property had at the end of the run (the "Property(S): X = ..." dump).</summary>
    public static string? Property(string log, string name)
    {
        var m = Regex.Matches(log, $@"^Property\(S\): {Regex.Escape(name)} = (.*?)\r?$", RegexOptions.Multiline);
        return m.Count == 0 ? null : m[^1].Groups[1].Value;
    }

    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        // Windows writes UTF-16 with a BOM, Wine plain ASCII; both detected by the reader.
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Replace("\0", "", StringComparison.Ordinal);
    }
}
