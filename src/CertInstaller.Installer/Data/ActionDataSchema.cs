using System.Globalization;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Text;

namespace CertInstaller.Installer.Data;

/// <summary>
/// The one table of the ActionData contract (issue 23 §2). The serializer, the wrapper's options and the installer
/// hints are derived from it, and the tests derived from it check the fragment (installer/CertificateActions.wxs: its
/// ActionData strings, remembered settings and defaults) and the README tables, so a copy that drifts fails a test.
/// Adding a property is a row here, its pieces in the wxs, and a test of its meaning (installer/README.md, "Adding a property").
/// </summary>
public static class ActionDataSchema
{
    /// <summary>Every key, in the order written. ProductVersion is last on purpose: a formatted value that ends in a path
    /// would end in a backslash, which escapes the closing quote of an exe command line.</summary>
    public static IReadOnlyList<ActionDataField> Fields { get; } =
    [
        new("CertDir", "CERTINSTALLER_CERTDIR", "--certdir", "", "[CERTINSTALLER_PRODUCT_CERTDIR]", Remembered: true, "the certificates folder itself")
        {
            Write = d => d.CertDir,
            Read = (d, v, p) => d with { CertDir = Folder("CertDir", v, p, "the certificates folder") },
        },
        new("BackupDir", "CERTINSTALLER_BACKUPDIR", "--backupdir", @"%ProgramData%\CertInstaller\Backups\", @"[CommonAppDataFolder]CertInstaller\Backups\", Remembered: true,
            "a local folder SYSTEM can write")
        {
            Write = d => d.BackupDir,
            Read = (d, v, p) => d with { BackupDir = Folder("BackupDir", v, p, "a folder for snapshots") },
        },
        new("Mode", "CertInstallerMode", null, "", null, Remembered: false, "the installer mode")
        {
            Write = d => d.Mode.ToString().ToLowerInvariant(),
            Read = (d, v, p) => d with { Mode = Enum(v, d.Mode, "Mode", p) },
        },
        new("ProductCode", "ProductCode", null, "", null, Remembered: false, "the product code")
        {
            Write = d => d.ProductCode,
            Read = (d, v, p) => d with { ProductCode = ProductCode(v, p) },
        },
        new("Preserve", "CERTINSTALLER_PRESERVE", "--preserve", "1", "1", Remembered: true, "1 or 0")
        {
            Write = d => d.Preserve ? "1" : "0",
            Read = (d, v, p) => d with { Preserve = Bool(v, d.Preserve, "Preserve", p) },
        },
        new("PreservePatterns", "CERTINSTALLER_PRESERVE_PATTERNS", "--preserve-pattern", "", null, Remembered: true, "globs relative to the certificates folder")
        {
            Repeatable = true,
            Write = d => string.Join(ActionDataSerializer.PatternSeparator.ToString(), d.PreservePatterns),
            Read = (d, v, _) => d with
            {
                PreservePatterns = v.Split(ActionDataSerializer.PatternSeparator).Select(x => x.Trim()).Where(x => x.Length > 0).ToArray(),
            },
        },
        new("Validation", "CERTINSTALLER_VALIDATION", "--validation", "warn", "warn", Remembered: true, "enforce, warn or off")
        {
            Write = d => d.Validation.ToString().ToLowerInvariant(),
            Read = (d, v, p) => d with { Validation = Enum(v, d.Validation, "Validation", p) },
        },
        new("MinDigest", "CERTINSTALLER_MIN_DIGEST", "--min-digest", "SHA-256", "SHA-256", Remembered: true, "a digest name such as SHA-256")
        {
            Write = d => d.MinDigest.ToDisplayName(),
            Read = (d, v, p) => d with { MinDigest = Digest(v, d.MinDigest, p) },
        },
        new("ExpiryWarningDays", "CERTINSTALLER_EXPIRY_WARNING_DAYS", "--expiry-warning-days", "30", "30", Remembered: true, "a number of days from 0 to 3650")
        {
            Write = d => d.ExpiryWarningDays.ToString(CultureInfo.InvariantCulture),
            Read = (d, v, p) => d with { ExpiryWarningDays = Int(v, d.ExpiryWarningDays, "ExpiryWarningDays", 0, 3650, p) },
        },
        new("Policy", "CERTINSTALLER_POLICY", "--policy", "", null, Remembered: true, "a validation policy JSON file")
        {
            Write = d => d.PolicyFile ?? "",
            Read = (d, v, _) => d with { PolicyFile = v.Length > 0 ? v : null },
        },
        new("Retain", "CERTINSTALLER_RETAIN", "--retain", "10", "10", Remembered: true, "1 or more")
        {
            Write = d => d.Retain.ToString(CultureInfo.InvariantCulture),
            Read = (d, v, p) => d with { Retain = Int(v, d.Retain, "Retain", 1, 1000, p) },
        },
        new("Host", "CERTINSTALLER_HOST", "--host", "", null, Remembered: true, "a host name the server certificates carry")
        {
            Write = d => d.Host ?? "",
            Read = (d, v, p) => d with { Host = HostName(v, p) },
        },
        new("ProductVersion", "ProductVersion", null, "", null, Remembered: false, "the product version")
        {
            Write = d => d.ProductVersion,
            Read = (d, v, p) => d with { ProductVersion = ProductVersion(v, p) },
        },
    ];

    /// <summary>The row of <paramref name="key"/> (exact spelling).</summary>
    /// <exception cref="KeyNotFoundException">No row has that key.</exception>
    public static ActionDataField Field(string key) =>
        Fields.FirstOrDefault(f => f.Key == key) ?? throw new KeyNotFoundException($"ActionData has no key '{key}'");

    /// <summary>The longest ProductCode accepted: a GUID in braces is 38 characters.</summary>
    public const int MaxProductCode = 64;

    /// <summary>The longest ProductVersion accepted.</summary>
    public const int MaxProductVersion = 64;

    /// <summary>A value as a problem quotes it: control characters escaped, at most 80 characters.</summary>
    internal static string Shown(string value)
    {
        var escaped = Printable.Escape(value);
        return escaped.Length <= 80 ? escaped : escaped.Substring(0, 80) + $"... ({value.Length} characters)";
    }

    private static string Folder(string key, string path, ActionDataProblems problems, string what)
    {
        if (path.Length == 0)
        {
            if (!problems.Has(key)) problems.Add(ActionDataProblemCode.FolderMissing, key, $"{key} is empty: set {Field(key).FixName} to {what}");
        }
        else if (!IsFullyQualified(path))
        {
            problems.Add(ActionDataProblemCode.FolderNotFullPath, key, $"{key} '{Shown(path)}' is not a full path (it would be taken relative to the installer's working folder, and the real folder " +
                $"left unprotected): set {Field(key).FixName} to the full path, e.g. {(Platform.IsWindows ? @"D:\I3\IC\Certificates" : "/var/lib/ic/certificates")}");
        }

        return path;
    }

    /// <summary>A path that names the same folder whatever the working folder: D:\x or \\server\share on Windows, /x elsewhere.</summary>
    private static bool IsFullyQualified(string path) => Platform.IsWindows
        ? (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'))
          || (path.Length > 2 && (path.StartsWith(@"\\", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal)))
        : path.StartsWith("/", StringComparison.Ordinal);

    private static string ProductCode(string value, ActionDataProblems problems)
    {
        if (value.Length > MaxProductCode || value.Any(c => !(char.IsLetterOrDigit(c) && c < 128) && c is not ('{' or '}' or '-' or '_' or '.')))
        {
            problems.Add(ActionDataProblemCode.ProductCodeInvalid, "ProductCode", $"ProductCode '{Shown(value)}' is not a product code: expected a GUID such as {{12345678-1234-1234-1234-123456789012}} " +
                $"(at most {MaxProductCode} letters, digits, braces and hyphens); set ProductCode=[ProductCode]");
        }

        return value;
    }

    private static string ProductVersion(string value, ActionDataProblems problems)
    {
        if (value.Length > MaxProductVersion)
        {
            problems.Add(ActionDataProblemCode.ValueTooLong, "ProductVersion", $"ProductVersion is longer than {MaxProductVersion} characters: set ProductVersion=[ProductVersion]");
        }

        return value;
    }

    private static string? HostName(string value, ActionDataProblems problems)
    {
        if (value.Length == 0) return null;
        if (value.Length > 253 || value.Any(char.IsWhiteSpace))
        {
            problems.Add(ActionDataProblemCode.HostInvalid, "Host", $"Host '{Shown(value)}' is not a host name (at most 253 characters, no spaces): fix {Field("Host").FixName}");
        }

        return value;
    }

    private static T Enum<T>(string value, T fallback, string key, ActionDataProblems problems) where T : struct, Enum
    {
        if (value.Length == 0) return fallback;
        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(typeof(T), parsed) && !int.TryParse(value, out _))
            return parsed;
        problems.Add(ActionDataProblemCode.ValueNotAllowed, key, $"{key} '{Shown(value)}' is not one of: {string.Join(", ", System.Enum.GetNames(typeof(T)).Select(n => n.ToLowerInvariant()))}");
        return fallback;
    }

    private static bool Bool(string value, bool fallback, string key, ActionDataProblems problems)
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

    private static int Int(string value, int fallback, string key, int min, int max, ActionDataProblems problems)
    {
        if (value.Length == 0) return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        problems.Add(ActionDataProblemCode.NumberOutOfRange, key, $"{key} '{Shown(value)}' is not a whole number from {min} to {max}");
        return fallback;
    }

    private static DigestAlgorithm Digest(string value, DigestAlgorithm fallback, ActionDataProblems problems)
    {
        if (value.Length == 0) return fallback;
        if (DigestNames.TryParse(value, out var digest) && digest != DigestAlgorithm.Shake256) return digest;
        problems.Add(ActionDataProblemCode.DigestUnknown, "MinDigest", $"MinDigest '{Shown(value)}' is not a digest name such as SHA-256");
        return fallback;
    }
}
