using System.Text.Json;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Harness.Common;

/// <summary>Reads a CSR policy from a JSON file; any problem is a usage error naming the file.</summary>
internal static class CsrPolicyFile
{
    public static CsrPolicy Load(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            string[] known = ["subject", "sans", "minRsaBits", "minEcBits", "minDigest", "noSan"];
            foreach (var setting in root.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                throw new HarnessException($"unknown setting \"{setting.Name}\" (known: {string.Join(", ", known)})");
            }

            var policy = CsrPolicy.Default;
            if (root.TryGetProperty("subject", out var subject))
            {
                policy = policy with
                {
                    Subject = subject.EnumerateObject().ToDictionary(
                        p => SubjectAttributes.Find(p.Name)?.ShortName
                            ?? throw new HarnessException($"unknown subject attribute \"{p.Name}\" (valid: {SubjectAttributes.ValidNames})"),
                        p => (IReadOnlyList<string>)(p.Value.ValueKind == JsonValueKind.Array
                            ? p.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToList()
                            : [p.Value.GetString() ?? string.Empty])),
                };
            }

            if (root.TryGetProperty("sans", out var sans))
            {
                policy = policy with { RequiredSans = sans.EnumerateArray().Select(San).ToList() };
            }

            if (root.TryGetProperty("minRsaBits", out var rsa))
            {
                policy = policy with { MinRsaBits = rsa.GetInt32() };
            }

            if (root.TryGetProperty("minEcBits", out var ec))
            {
                policy = policy with { MinEcBits = ec.GetInt32() };
            }

            if (root.TryGetProperty("minDigest", out var digest))
            {
                policy = policy with { MinDigest = Inputs.Digest(digest.GetString(), "minDigest") };
            }

            if (root.TryGetProperty("noSan", out var noSan))
            {
                policy = policy with
                {
                    NoSan = noSan.GetString() switch
                    {
                        "error" => Severity.Error,
                        "warning" => Severity.Warning,
                        "off" => (Severity?)null,
                        var other => throw new HarnessException($"noSan is \"{other}\"; options are error, warning, off"),
                    },
                };
            }

            return policy;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException
            or FormatException or KeyNotFoundException or ArgumentException)
        {
            throw new HarnessException($"{path}: invalid CSR policy file: {e.Message}");
        }
        catch (HarnessException e)
        {
            throw new HarnessException($"{path}: invalid CSR policy file: {e.Message}");
        }
    }

    private static SubjectAltName San(JsonElement element)
    {
        var type = element.GetProperty("type").GetString();
        var value = element.GetProperty("value").GetString() ?? string.Empty;
        return type switch
        {
            "dns" => SubjectAltName.Dns(value),
            "ip" => SubjectAltName.Ip(value),
            "email" => SubjectAltName.Email(value),
            "uri" => SubjectAltName.Uri(value),
            _ => throw new FormatException($"unknown SAN type '{type}'; options are dns, ip, email, uri"),
        };
    }
}
