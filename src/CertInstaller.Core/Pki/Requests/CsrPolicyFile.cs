using System.Net;
using System.Text.Json;
using CertInstaller.Core.IO;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Pki.Requests;

/// <summary>Reads a <see cref="CsrPolicy"/> from a JSON file (subject, sans, minRsaBits, minEcBits, minDigest, noSan); every
/// problem is a coded <see cref="PolicyException"/> naming the file, the setting and the fix.</summary>
public static class CsrPolicyFile
{
    /// <summary>The settings a CSR policy file may hold.</summary>
    public static IReadOnlyList<string> Settings { get; } = ["subject", "sans", "minRsaBits", "minEcBits", "minDigest", "noSan"];

    /// <summary>Reads the CSR policy at <paramref name="path"/> through <paramref name="fileSystem"/>, over <see cref="CsrPolicy.Default"/>.</summary>
    /// <exception cref="PolicyException">The file is unreadable or names an unknown setting or value.</exception>
    public static CsrPolicy Load(string path, IFileSystem fileSystem) => Parse(PolicyJson.Read(path, fileSystem), path);

    /// <summary>Parses CSR policy JSON over <see cref="CsrPolicy.Default"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="PolicyException">The JSON is not one object, or names an unknown setting or value.</exception>
    public static CsrPolicy Parse(string json, string source)
    {
        using var doc = PolicyJson.Object(json, source, Settings);
        var policy = CsrPolicy.Default;
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            policy = p.Name switch
            {
                "subject" => policy with { Subject = Subject(p, source) },
                "sans" => policy with { RequiredSans = Sans(p, source) },
                "minRsaBits" => policy with { MinRsaBits = PolicyJson.Int(p, source, 512, 16384, 2048) },
                "minEcBits" => policy with { MinEcBits = PolicyJson.Int(p, source, 160, 521, 256) },
                "minDigest" => policy with { MinDigest = PolicyJson.Digest(p, source) },
                "noSan" => policy with { NoSan = PolicyJson.Severity(p.Value, source, p.Name, info: false) },
                _ => throw PolicyJson.UnknownSetting(source, p.Name, Settings),
            };
        }
        return policy;
    }

    private static Dictionary<string, IReadOnlyList<string>> Subject(JsonProperty p, string source)
    {
        const string example = "\"subject\": { \"O\": \"Example Site\", \"OU\": [\"Interaction Center\", \"Servers\"] }";
        if (p.Value.ValueKind != JsonValueKind.Object) throw PolicyJson.WrongType(source, p.Name, "an object of attribute: value(s)", example);
        var subject = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var a in p.Value.EnumerateObject())
        {
            var type = SubjectAttributes.Find(a.Name)
                ?? throw new PolicyException(PolicyErrorCode.PolicySubjectAttributeUnknown, source, $"subject names an unknown attribute \"{a.Name}\"",
                    $"use one of {SubjectAttributes.ValidNames}", $"subject.{a.Name}");
            IReadOnlyList<string> values = a.Value.ValueKind switch
            {
                JsonValueKind.String => [a.Value.GetString()!],
                JsonValueKind.Array when a.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    a.Value.EnumerateArray().Select(v => v.GetString()!).ToList(),
                _ => throw PolicyJson.WrongType(source, $"subject.{a.Name}", "a string or an array of strings (the values in order)", example),
            };
            subject[type.ShortName] = values;
        }
        return subject;
    }

    private static List<SubjectAltName> Sans(JsonProperty p, string source)
    {
        const string example = "\"sans\": [ { \"type\": \"dns\", \"value\": \"ic1.example.com\" }, { \"type\": \"ip\", \"value\": \"10.0.0.5\" } ]";
        if (p.Value.ValueKind != JsonValueKind.Array) throw PolicyJson.WrongType(source, p.Name, "an array of { type, value }", example);
        var sans = new List<SubjectAltName>();
        foreach (var san in p.Value.EnumerateArray())
        {
            if (san.ValueKind != JsonValueKind.Object
                || !san.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !san.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
                throw PolicyJson.WrongType(source, p.Name, "an array of objects, each with a string \"type\" and \"value\"", example);
            sans.Add(San(type.GetString()!, value.GetString()!, source));
        }
        return sans;
    }

    private static SubjectAltName San(string type, string value, string source) => type switch
    {
        "dns" => SubjectAltName.Dns(value),
        "ip" => IPAddress.TryParse(value, out _) ? SubjectAltName.Ip(value)
            : throw new PolicyException(PolicyErrorCode.PolicySanInvalid, source, $"sans: \"{value}\" is not an IP address", "give an IPv4 or IPv6 address for type \"ip\"", "sans"),
        "email" => SubjectAltName.Email(value),
        "uri" => SubjectAltName.Uri(value),
        _ => throw new PolicyException(PolicyErrorCode.PolicySanInvalid, source, $"sans: unknown SAN type \"{type}\"", "give one of dns, ip, email, uri", "sans"),
    };
}
