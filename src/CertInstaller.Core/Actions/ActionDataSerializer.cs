using System.Globalization;
using System.Text;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Actions;

/// <summary>The one serializer of <see cref="ActionData"/>: DTF CustomActionData syntax, <c>Key=Value;Key=Value</c>, a <c>;</c> in a value doubled.</summary>
/// <remarks>
/// The same string reaches the DTF entry points (as CustomActionData) and the action host (as its one argument),
/// so a package can switch hosts without touching its SetProperty values.
/// </remarks>
public static class ActionDataSerializer
{
    /// <summary>The keys in the order they are written. ProductVersion is last on purpose: a formatted value
    /// that ends in a path would end in a backslash, which escapes the closing quote of an exe command line.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "CertDir", "BackupDir", "Mode", "ProductCode", "Preserve", "PreservePatterns", "Validation",
        "MinDigest", "ExpiryWarningDays", "Policy", "Host", "Retain", "ProductVersion",
    ];

    /// <summary>Separates globs in <c>PreservePatterns</c>; Windows paths cannot contain it.</summary>
    public const char PatternSeparator = '|';

    /// <summary>Writes <paramref name="data"/> in CustomActionData syntax.</summary>
    public static string Serialize(ActionData data)
    {
        var values = new Dictionary<string, string>
        {
            ["CertDir"] = data.CertDir,
            ["BackupDir"] = data.BackupDir,
            ["Mode"] = data.Mode.ToString().ToLowerInvariant(),
            ["ProductCode"] = data.ProductCode,
            ["Preserve"] = data.Preserve ? "1" : "0",
            ["PreservePatterns"] = string.Join(PatternSeparator.ToString(), data.PreservePatterns),
            ["Validation"] = data.Validation.ToString().ToLowerInvariant(),
            ["MinDigest"] = data.MinDigest.ToDisplayName(),
            ["ExpiryWarningDays"] = data.ExpiryWarningDays.ToString(CultureInfo.InvariantCulture),
            ["Policy"] = data.PolicyFile ?? "",
            ["Host"] = data.Host ?? "",
            ["Retain"] = data.Retain.ToString(CultureInfo.InvariantCulture),
            ["ProductVersion"] = data.ProductVersion,
        };
        return string.Join(";", Keys.Select(k => k + "=" + values[k].Replace(";", ";;")));
    }

    /// <summary>Parses CustomActionData syntax; empty values take defaults, unknown keys and bad values are errors.</summary>
    /// <exception cref="ActionDataException">The text names an unknown key, repeats one, or holds a bad value.</exception>
    public static ActionData Parse(string text)
    {
        var pairs = Split(text ?? "");
        var problems = new List<string>();
        var known = new HashSet<string>(Keys, StringComparer.OrdinalIgnoreCase);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            if (!known.Contains(key))
                problems.Add($"unknown key '{key}' (known keys: {string.Join(", ", Keys)})");
            else if (map.ContainsKey(key))
                problems.Add($"key '{key}' is given twice");
            else
                map[key] = value.Trim();
        }

        string Get(string key) => map.TryGetValue(key, out var v) ? v : "";

        var certDir = Get("CertDir");
        var backupDir = Get("BackupDir");
        if (certDir.Length == 0) problems.Add("CertDir is empty: set CERTINSTALLER_CERTDIR to the certificates folder");
        if (backupDir.Length == 0) problems.Add("BackupDir is empty: set CERTINSTALLER_BACKUPDIR to a folder for snapshots");

        var data = new ActionData { CertDir = certDir, BackupDir = backupDir };
        data = data with
        {
            Mode = ParseEnum(Get("Mode"), data.Mode, "Mode", problems),
            ProductCode = Get("ProductCode"),
            ProductVersion = Get("ProductVersion"),
            Preserve = ParseBool(Get("Preserve"), data.Preserve, "Preserve", problems),
            PreservePatterns = Get("PreservePatterns")
                .Split(PatternSeparator)
                .Select(p => p.Trim())
                .Where(p => p.Length > 0)
                .ToArray(),
            Validation = ParseEnum(Get("Validation"), data.Validation, "Validation", problems),
            MinDigest = ParseDigest(Get("MinDigest"), data.MinDigest, problems),
            ExpiryWarningDays = ParseInt(Get("ExpiryWarningDays"), data.ExpiryWarningDays, "ExpiryWarningDays", 0, 3650, problems),
            PolicyFile = Get("Policy") is { Length: > 0 } policy ? policy : null,
            Host = Get("Host") is { Length: > 0 } host ? host : null,
            Retain = ParseInt(Get("Retain"), data.Retain, "Retain", 1, 1000, problems),
        };

        if (problems.Count > 0) throw new ActionDataException(problems);
        return data;
    }

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

    private static T ParseEnum<T>(string value, T fallback, string key, List<string> problems) where T : struct, Enum
    {
        if (value.Length == 0) return fallback;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(typeof(T), parsed) && !int.TryParse(value, out _))
            return parsed;
        problems.Add($"{key} '{value}' is not one of: {string.Join(", ", Enum.GetNames(typeof(T)).Select(n => n.ToLowerInvariant()))}");
        return fallback;
    }

    private static bool ParseBool(string value, bool fallback, string key, List<string> problems)
    {
        switch (value.ToLowerInvariant())
        {
            case "": return fallback;
            case "1" or "yes" or "true": return true;
            case "0" or "no" or "false": return false;
            default:
                problems.Add($"{key} '{value}' is not 1 or 0");
                return fallback;
        }
    }

    private static int ParseInt(string value, int fallback, string key, int min, int max, List<string> problems)
    {
        if (value.Length == 0) return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        problems.Add($"{key} '{value}' is not a whole number from {min} to {max}");
        return fallback;
    }

    private static DigestAlgorithm ParseDigest(string value, DigestAlgorithm fallback, List<string> problems)
    {
        if (value.Length == 0) return fallback;
        if (Pki.DigestNames.TryParse(value, out var digest) && digest != DigestAlgorithm.Shake256) return digest;
        problems.Add($"MinDigest '{value}' is not a digest name such as SHA-256");
        return fallback;
    }
}
