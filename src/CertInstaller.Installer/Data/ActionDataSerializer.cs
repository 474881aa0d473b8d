using System.Globalization;
using System.Text;
using CertInstaller.Core.Pki;

namespace CertInstaller.Installer.Data;

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
        var problems = new Problems();
        var known = new HashSet<string>(Keys, StringComparer.OrdinalIgnoreCase);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            var canonical = Keys.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) ?? key;
            if (!known.Contains(key))
                problems.Add(ActionDataProblemCode.UnknownKey, key, $"unknown key '{Shown(key)}' (known keys: {string.Join(", ", Keys)})");
            else if (map.ContainsKey(key))
                problems.Add(ActionDataProblemCode.DuplicateKey, canonical, $"key '{canonical}' is given twice");
            else if (CertInstaller.Core.Text.Printable.IndexOfUnsafe(value) is var at && at >= 0)
                problems.Add(ActionDataProblemCode.ControlCharacter, canonical, $"{canonical} holds a control character (U+{(int)value[at]:X4}) at position {at + 1}: ActionData values are one line of text, " +
                    $"so it is refused rather than written into logs; fix {Property(canonical)}");
            else
                map[key] = Unquote(value.Trim());
        }

        string Get(string key) => map.TryGetValue(key, out var v) ? v : "";

        var certDir = Get("CertDir");
        var backupDir = Get("BackupDir");
        if (certDir.Length == 0 && !problems.Has("CertDir")) problems.Add(ActionDataProblemCode.FolderMissing, "CertDir", "CertDir is empty: set CERTINSTALLER_CERTDIR to the certificates folder");
        if (backupDir.Length == 0 && !problems.Has("BackupDir")) problems.Add(ActionDataProblemCode.FolderMissing, "BackupDir", "BackupDir is empty: set CERTINSTALLER_BACKUPDIR to a folder for snapshots");
        foreach (var (key, path) in new[] { ("CertDir", certDir), ("BackupDir", backupDir) })
        {
            if (path.Length > 0 && !IsFullyQualified(path))
                problems.Add(ActionDataProblemCode.FolderNotFullPath, key, $"{key} '{Shown(path)}' is not a full path (it would be taken relative to the installer's working folder, and the real folder " +
                    $"left unprotected): set {Property(key)} to the full path, e.g. {(CertInstaller.Core.IO.Platform.IsWindows ? @"D:\I3\IC\Certificates" : "/var/lib/ic/certificates")}");
        }

        var productCode = Get("ProductCode");
        if (productCode.Length > MaxProductCode || productCode.Any(c => !(char.IsLetterOrDigit(c) && c < 128) && c is not ('{' or '}' or '-' or '_' or '.')))
            problems.Add(ActionDataProblemCode.ProductCodeInvalid, "ProductCode", $"ProductCode '{Shown(productCode)}' is not a product code: expected a GUID such as {{12345678-1234-1234-1234-123456789012}} " +
                $"(at most {MaxProductCode} letters, digits, braces and hyphens); set ProductCode=[ProductCode]");
        if (Get("ProductVersion").Length > MaxProductVersion)
            problems.Add(ActionDataProblemCode.ValueTooLong, "ProductVersion", $"ProductVersion is longer than {MaxProductVersion} characters: set ProductVersion=[ProductVersion]");
        if (Get("Host") is { Length: > 0 } named && (named.Length > 253 || named.Any(char.IsWhiteSpace)))
            problems.Add(ActionDataProblemCode.HostInvalid, "Host", $"Host '{Shown(named)}' is not a host name (at most 253 characters, no spaces): fix CERTINSTALLER_HOST");

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

        if (problems.Count > 0) throw new ActionDataException(problems.Items);
        return data;
    }

    /// <summary>The longest ProductCode accepted: a GUID in braces is 38 characters.</summary>
    public const int MaxProductCode = 64;

    /// <summary>The longest ProductVersion accepted.</summary>
    public const int MaxProductVersion = 64;

    /// <summary>A value as a problem quotes it: control characters escaped, at most 80 characters.</summary>
    private static string Shown(string value)
    {
        var escaped = CertInstaller.Core.Text.Printable.Escape(value);
        return escaped.Length <= 80 ? escaped : escaped.Substring(0, 80) + $"... ({value.Length} characters)";
    }

    /// <summary>One pair of matching quotes around a value is dropped: CertDir="D:\x" (a quoted SetProperty value) means
    /// D:\x, never a folder named with quotes relative to the working folder.</summary>
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0]
            ? value.Substring(1, value.Length - 2).Trim()
            : value;

    /// <summary>A path that names the same folder whatever the working folder: D:\x or \\server\share on Windows, /x elsewhere.</summary>
    private static bool IsFullyQualified(string path) => CertInstaller.Core.IO.Platform.IsWindows
        ? (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'))
          || (path.Length > 2 && (path.StartsWith(@"\\", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal)))
        : path.StartsWith("/", StringComparison.Ordinal);

    /// <summary>The installer property (or SetProperty) that sets a key.</summary>
    private static string Property(string key) => key switch
    {
        "CertDir" => "CERTINSTALLER_CERTDIR",
        "BackupDir" => "CERTINSTALLER_BACKUPDIR",
        "Preserve" => "CERTINSTALLER_PRESERVE",
        "PreservePatterns" => "CERTINSTALLER_PRESERVE_PATTERNS",
        "Validation" => "CERTINSTALLER_VALIDATION",
        "MinDigest" => "CERTINSTALLER_MIN_DIGEST",
        "Host" => "CERTINSTALLER_HOST",
        "Retain" => "CERTINSTALLER_RETAIN",
        _ => $"the SetProperty value that writes {key}",
    };

    /// <summary>Problems with the code and the key of each one.</summary>
    private sealed class Problems
    {
        private readonly List<ActionDataProblem> _items = [];

        public int Count => _items.Count;

        public IReadOnlyList<ActionDataProblem> Items => _items;

        public void Add(ActionDataProblemCode code, string key, string message) => _items.Add(new(code, key, message));

        public bool Has(string key) => _items.Any(i => i.Key == key);
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

    private static T ParseEnum<T>(string value, T fallback, string key, Problems problems) where T : struct, Enum
    {
        if (value.Length == 0) return fallback;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(typeof(T), parsed) && !int.TryParse(value, out _))
            return parsed;
        problems.Add(ActionDataProblemCode.ValueNotAllowed, key, $"{key} '{Shown(value)}' is not one of: {string.Join(", ", Enum.GetNames(typeof(T)).Select(n => n.ToLowerInvariant()))}");
        return fallback;
    }

    private static bool ParseBool(string value, bool fallback, string key, Problems problems)
    {
        switch (value.ToLowerInvariant())
        {
            case "": return fallback;
            case "1" or "yes" or "true": return true;
            case "0" or "no" or "false": return false;
            default:
                problems.Add(ActionDataProblemCode.ValueNotAllowed, key, $"{key} '{Shown(value)}' is not 1 or 0");
                return fallback;
        }
    }

    private static int ParseInt(string value, int fallback, string key, int min, int max, Problems problems)
    {
        if (value.Length == 0) return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        problems.Add(ActionDataProblemCode.NumberOutOfRange, key, $"{key} '{Shown(value)}' is not a whole number from {min} to {max}");
        return fallback;
    }

    private static DigestAlgorithm ParseDigest(string value, DigestAlgorithm fallback, Problems problems)
    {
        if (value.Length == 0) return fallback;
        if (CertInstaller.Core.Pki.DigestNames.TryParse(value, out var digest) && digest != DigestAlgorithm.Shake256) return digest;
        problems.Add(ActionDataProblemCode.DigestUnknown, "MinDigest", $"MinDigest '{Shown(value)}' is not a digest name such as SHA-256");
        return fallback;
    }
}
