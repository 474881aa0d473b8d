using System.Text;
using CertInstaller.Core.Text;

namespace CertInstaller.Installer.Data;

/// <summary>The one serializer of <see cref="ActionData"/>: DTF CustomActionData syntax, <c>Key=Value;Key=Value</c>, a <c>;</c> in a value doubled.</summary>
/// <remarks>
/// The same string reaches the DTF entry points (as CustomActionData) and the action host (as its one argument),
/// so a package can switch hosts without touching its SetProperty values.
/// </remarks>
public static class ActionDataSerializer
{
    /// <summary>The keys in the order they are written (<see cref="ActionDataSchema.Fields"/>).</summary>
    public static IReadOnlyList<string> Keys { get; } = ActionDataSchema.Fields.Select(f => f.Key).ToList();

    /// <summary>Separates globs in <c>PreservePatterns</c>; Windows paths cannot contain it.</summary>
    public const char PatternSeparator = '|';

    /// <summary>The longest ProductCode accepted: a GUID in braces is 38 characters.</summary>
    public const int MaxProductCode = ActionDataSchema.MaxProductCode;

    /// <summary>The longest ProductVersion accepted.</summary>
    public const int MaxProductVersion = ActionDataSchema.MaxProductVersion;

    /// <summary>Writes <paramref name="data"/> in CustomActionData syntax.</summary>
    public static string Serialize(ActionData data) =>
        string.Join(";", ActionDataSchema.Fields.Select(f => f.Key + "=" + f.Write(data).Replace(";", ";;")));

    /// <summary>Parses CustomActionData syntax; empty values take defaults, unknown keys and bad values are errors.</summary>
    /// <exception cref="ActionDataException">The text names an unknown key, repeats one, or holds a bad value.</exception>
    public static ActionData Parse(string text)
    {
        var pairs = Split(text ?? "");
        var problems = new ActionDataProblems();
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            var field = ActionDataSchema.Fields.FirstOrDefault(f => f.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (field is null)
                problems.Add(ActionDataProblemCode.UnknownKey, key, $"unknown key '{ActionDataSchema.Shown(key)}' (known keys: {string.Join(", ", Keys)})");
            else if (map.ContainsKey(key))
                problems.Add(ActionDataProblemCode.DuplicateKey, field.Key, $"key '{field.Key}' is given twice");
            else if (Printable.IndexOfUnsafe(value) is var at && at >= 0)
                problems.Add(ActionDataProblemCode.ControlCharacter, field.Key, $"{field.Key} holds a control character (U+{(int)value[at]:X4}) at position {at + 1}: ActionData values are one line of text, " +
                    $"so it is refused rather than written into logs; fix {field.FixName}");
            else
                map[key] = Unquote(value.Trim());
        }

        var data = new ActionData { CertDir = "", BackupDir = "" };
        foreach (var field in ActionDataSchema.Fields)
        {
            data = field.Read(data, map.TryGetValue(field.Key, out var v) ? v : "", problems);
        }

        if (problems.Count > 0) throw new ActionDataException(problems.Items);
        return data;
    }

    /// <summary>One pair of matching quotes around a value is dropped: CertDir="D:\x" (a quoted SetProperty value) means
    /// D:\x, never a folder named with quotes relative to the working folder.</summary>
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0]
            ? value.Substring(1, value.Length - 2).Trim()
            : value;

    private static List<(string Key, string Value)> Split(string text)
    {
        var pairs = new List<(string, string)>();
        var current = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == ';' && i + 1 < text.Length && text[i + 1] == ';')
            {
                current.Append(';');
                i++;
            }
            else if (i == text.Length || text[i] == ';')
            {
                var pair = current.ToString();
                current.Clear();
                if (pair.Trim().Length == 0) continue;
                var eq = pair.IndexOf('=');
                pairs.Add(eq < 0 ? (pair.Trim(), "") : (pair.Substring(0, eq).Trim(), pair.Substring(eq + 1)));
            }
            else
            {
                current.Append(text[i]);
            }
        }
        return pairs;
    }
}
