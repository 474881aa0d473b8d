using System.Text.Json;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Validation;

/// <summary>What every policy file reader shares (the validation policy, the CSR policy): a bounded read through the
/// port, one JSON object, and typed settings, each problem a <see cref="PolicyException"/> with its own code.</summary>
internal static class PolicyJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The text of the policy file at <paramref name="path"/>, at most <see cref="ValidationPolicy.MaxPolicyBytes"/>.</summary>
    public static string Read(string path, IFileSystem fileSystem)
    {
        try
        {
            return ReadBounded(path, fileSystem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyException(PolicyErrorCode.PolicyUnreadable, path, $"cannot be read ({Text.Messages.Brief(e.Message)})",
                "check the path and that this account may read the file", inner: e);
        }
    }

    private static string ReadBounded(string path, IFileSystem fileSystem)
    {
        // A regular file only (a FIFO would block, a device never end); a link an administrator named is followed.
        using var stream = fileSystem.OpenRead(fileSystem.ResolveLinks(Path.GetFullPath(path)));
        var max = ValidationPolicy.MaxPolicyBytes;
        var buffer = new byte[max + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        if (total > max)
            throw new PolicyException(PolicyErrorCode.PolicyTooLarge, path, $"is larger than {max / 1024} KB, far more than any policy needs",
                "give the policy JSON file itself (a real one is well under 10 KB)");
        return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(buffer, 0, total).TrimStart('\uFEFF');
    }

    /// <summary>The JSON object of a policy; the caller disposes it.</summary>
    public static JsonDocument Object(string json, string source, IReadOnlyList<string> known)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, Options); }
        catch (JsonException e)
        {
            throw new PolicyException(PolicyErrorCode.PolicyNotJson, source, $"is not valid JSON ({e.Message})",
                "correct the JSON at the line and position named (a missing comma, quote or brace)", inner: e);
        }
        var kind = doc.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw new PolicyException(PolicyErrorCode.PolicyNotAnObject, source, $"holds a JSON {kind.ToString().ToLowerInvariant()}, not one object of settings",
                $"write one object, e.g. {{ \"{known[0]}\": ... }} (settings: {string.Join(", ", known)})");
        }
        return doc;
    }

    /// <summary>A setting the policy does not know.</summary>
    public static PolicyException UnknownSetting(string source, string name, IReadOnlyList<string> known) =>
        new(PolicyErrorCode.PolicySettingUnknown, source, $"has an unknown setting \"{name}\"",
            $"use one of {string.Join(", ", known)} (names are case-sensitive)", name);

    /// <summary>A value of the wrong JSON type.</summary>
    public static PolicyException WrongType(string source, string setting, string expected, string example) =>
        new(PolicyErrorCode.PolicyValueWrongType, source, $"{setting} must be {expected}", $"write it as {example}", setting);

    /// <summary>The string value of <paramref name="p"/>.</summary>
    public static string String(JsonProperty p, string source, string example) =>
        p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw WrongType(source, p.Name, "a string", $"\"{p.Name}\": {example}");

    /// <summary>The whole number value of <paramref name="p"/>, from <paramref name="min"/> to <paramref name="max"/>;
    /// <paramref name="example"/> is the value the fix suggests (the setting's default).</summary>
    public static int Int(JsonProperty p, string source, int min, int max, int example) =>
        p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw new PolicyException(PolicyErrorCode.PolicyNumberOutOfRange, source, $"{p.Name} must be a whole number from {min} to {max}",
                $"write a number in that range without quotes, e.g. \"{p.Name}\": {example}", p.Name);

    /// <summary>The digest named by <paramref name="p"/>.</summary>
    public static DigestAlgorithm Digest(JsonProperty p, string source)
    {
        var value = String(p, source, "\"SHA-256\"");
        return DigestNames.TryParse(value, out var digest)
            ? digest
            : throw new PolicyException(PolicyErrorCode.PolicyDigestUnknown, source, $"{p.Name} \"{value}\" is not a digest name",
                "give one of MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512", p.Name);
    }

    /// <summary>A severity by name: error, warning, info (when <paramref name="info"/>) or off (null).</summary>
    public static Severity? Severity(JsonElement value, string source, string setting, bool info = true)
    {
        var names = info ? "error, warning, info, off" : "error, warning, off";
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();
        return text.ToLowerInvariant() switch
        {
            "error" => Validation.Severity.Error,
            "warning" => Validation.Severity.Warning,
            "info" when info => Validation.Severity.Info,
            "off" => null,
            _ => throw new PolicyException(PolicyErrorCode.PolicySeverityUnknown, source, $"{setting}: \"{text}\" is not one of {names}",
                $"give one of {names}, as a string", setting),
        };
    }
}
