using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CertInstaller.Core.Pki.Requests;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>
/// What an OpenSSL.cnf of the guide's shape asks for (the <c>[req_distinguished_name]</c> defaults in order, numbered OUs
/// included; the SANs of <c>[alt_names]</c>; <c>default_md</c>, <c>default_bits</c>; the EKU and key usage of the
/// extensions section) and the guide's pitfalls in it, as findings.
/// </summary>
public sealed record CsrConfig(
    IReadOnlyList<SubjectAttribute> Subject,
    IReadOnlyList<SubjectAltName> Sans,
    DigestAlgorithm? Digest,
    int? DefaultBits,
    IReadOnlyList<string>? ExtendedKeyUsages,
    KeyUsageFlags? KeyUsage,
    IReadOnlyList<CsrFinding> Findings)
{
    /// <summary>The <c>[req_distinguished_name]</c> fields (as the file spells them) that have a prompt and no default:
    /// openssl req would ask for each, so a CSR from the file alone cannot be made without them.</summary>
    public IReadOnlyList<string> FieldsWithoutDefault { get; init; } = [];

    private static readonly Regex Numbered = new(@"^(?<n>\d+)\.(?<name>.+)$", RegexOptions.CultureInvariant);

    private static readonly IReadOnlyDictionary<string, KeyUsageFlags> UsageNames = new Dictionary<string, KeyUsageFlags>(StringComparer.OrdinalIgnoreCase)
    {
        ["digitalSignature"] = KeyUsageFlags.DigitalSignature, ["nonRepudiation"] = KeyUsageFlags.NonRepudiation,
        ["keyEncipherment"] = KeyUsageFlags.KeyEncipherment, ["dataEncipherment"] = KeyUsageFlags.DataEncipherment,
        ["keyAgreement"] = KeyUsageFlags.KeyAgreement, ["keyCertSign"] = KeyUsageFlags.KeyCertSign, ["cRLSign"] = KeyUsageFlags.CrlSign,
        ["encipherOnly"] = KeyUsageFlags.EncipherOnly, ["decipherOnly"] = KeyUsageFlags.DecipherOnly,
    };

    /// <summary>Interprets <paramref name="cnf"/>; key size and digest are judged against <paramref name="policy"/>, and so is the OU order when the policy names OUs.</summary>
    public static CsrConfig Read(OpenSslConfig cnf, CsrPolicy policy)
    {
        var findings = new List<CsrFinding>();
        foreach (var (line, text) in cnf.Unparsed)
        {
            findings.Add(new(CsrFindingCode.ConfigSyntax, $"line {line}: '{text}' is not a section, a name = value setting or a comment"));
        }

        const string req = "req";
        if (!cnf.HasSection(req))
        {
            findings.Add(new(CsrFindingCode.ConfigSectionMissing, "there is no [req] section; openssl req reads its settings from it"));
            return new CsrConfig([], [], null, null, null, null, findings);
        }

        var prompted = new List<string>();
        var subject = ReadSubject(cnf, cnf.Get(req, "distinguished_name"), string.Equals(cnf.Get(req, "prompt"), "no", StringComparison.OrdinalIgnoreCase), policy, findings, prompted);
        var (sans, ekus, usage) = ReadExtensions(cnf, findings);
        var digest = ReadDigest(cnf.Get(req, "default_md"), policy, findings);
        int? bits = null;
        if (cnf.Get(req, "default_bits") is { } bitsText)
        {
            if (int.TryParse(bitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                bits = b;
                if (b < policy.MinRsaBits)
                {
                    findings.Add(new(CsrFindingCode.ConfigWeakKeySize, $"default_bits = {b}; at least {policy.MinRsaBits} required"));
                }
            }
            else
            {
                findings.Add(new(CsrFindingCode.ConfigSyntax, $"default_bits = '{bitsText}' is not a number"));
            }
        }

        return new CsrConfig(subject, sans, digest, bits, ekus, usage, findings) { FieldsWithoutDefault = prompted };
    }

    private static List<SubjectAttribute> ReadSubject(OpenSslConfig cnf, string? section, bool noPrompt, CsrPolicy policy, List<CsrFinding> findings, List<string> prompted)
    {
        var subject = new List<SubjectAttribute>();
        if (section is null || !cnf.HasSection(section))
        {
            findings.Add(new(CsrFindingCode.ConfigSectionMissing, section is null
                ? "[req] has no distinguished_name; the subject defaults cannot be found"
                : $"distinguished_name = {section}, but there is no [{section}] section"));
            return subject;
        }

        var settings = cnf.In(section);
        var ous = new List<(int? Number, string? Default, int Line, string Key)>();
        foreach (var setting in settings)
        {
            var (number, name) = Numbered.Match(setting.Name) is { Success: true } m
                ? (int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), m.Groups["name"].Value)
                : ((int?)null, setting.Name);
            if (!noPrompt && (name.EndsWith("_default", StringComparison.Ordinal) || name.EndsWith("_min", StringComparison.Ordinal) || name.EndsWith("_max", StringComparison.Ordinal)))
            {
                var field = setting.Name.Substring(0, setting.Name.LastIndexOf('_'));
                if (name.EndsWith("_default", StringComparison.Ordinal) && SubjectAttributes.Find(name.Substring(0, name.Length - "_default".Length))?.ShortName == "OU"
                    && !settings.Any(s => s.Name == field))
                {
                    findings.Add(new(CsrFindingCode.ConfigOuDefaultMissing, $"line {setting.Line}: {setting.Name} has no {field} field, so openssl ignores it"));
                }

                continue;
            }

            var type = SubjectAttributes.Find(name);
            if (type is null)
            {
                findings.Add(new(CsrFindingCode.ConfigUnknownAttribute, $"line {setting.Line}: [{section}] field '{setting.Name}' is not a subject attribute IC's CAs take (valid: {SubjectAttributes.ValidNames})"));
                continue;
            }

            var value = noPrompt ? setting.Value : cnf.Get(section, setting.Name + "_default");
            if (type.ShortName == "OU")
            {
                ous.Add((number, value, setting.Line, setting.Name));
            }

            if (!string.IsNullOrEmpty(value))
            {
                subject.Add(new SubjectAttribute(type, value!));
            }
            else if (!noPrompt)
            {
                prompted.Add(setting.Name);
                if (type.ShortName != "OU") // an OU without default has its own finding below
                {
                    findings.Add(new(CsrFindingCode.ConfigFieldNoDefault,
                        $"line {setting.Line}: {setting.Name} has a prompt and no {setting.Name}_default, so openssl req asks for it (and -batch leaves it out); add {setting.Name}_default = ..."));
                }
            }
        }

        foreach (var missing in ous.Where(o => string.IsNullOrEmpty(o.Default)))
        {
            findings.Add(new(CsrFindingCode.ConfigOuDefaultMissing, $"line {missing.Line}: {missing.Key} has no {missing.Key}_default, so openssl req -batch leaves this OU out"));
        }

        var numbers = ous.Select(o => o.Number ?? -1).ToList();
        if (!numbers.SequenceEqual(numbers.OrderBy(n => n)))
        {
            findings.Add(new(CsrFindingCode.ConfigOuOutOfOrder,
                $"the OU fields are numbered {string.Join(", ", ous.Select(o => o.Key))} in file order; openssl puts the OUs in file order, not number order"));
        }

        if (policy.Subject.FirstOrDefault(p => SubjectAttributes.Find(p.Key)?.ShortName == "OU") is { Value: { } required })
        {
            var actual = subject.Where(a => a.Type.ShortName == "OU").Select(a => a.Value).ToList();
            if (!actual.SequenceEqual(required, StringComparer.Ordinal))
            {
                var sameSet = actual.OrderBy(v => v, StringComparer.Ordinal).SequenceEqual(required.OrderBy(v => v, StringComparer.Ordinal), StringComparer.Ordinal);
                findings.Add(new(sameSet ? CsrFindingCode.ConfigOuOutOfOrder : CsrFindingCode.ConfigOuDefaultMissing,
                    $"the OU defaults give [{string.Join(", ", actual)}]; the policy requires, in order: [{string.Join(", ", required)}]"));
            }
        }

        return subject;
    }

    private static (List<SubjectAltName> Sans, List<string>? Ekus, KeyUsageFlags? Usage) ReadExtensions(OpenSslConfig cnf, List<CsrFinding> findings)
    {
        var sans = new List<SubjectAltName>();
        var requested = cnf.Get("req", "req_extensions");
        string? section = requested;
        if (requested is null)
        {
            var commented = cnf.CommentedOut.LastOrDefault(c => c.Section == "req" && c.Name == "req_extensions");
            findings.Add(new(CsrFindingCode.ConfigSanNotRequested, commented is not null
                ? $"line {commented.Line}: req_extensions is commented out, so openssl req requests no SAN (remove the '#')"
                : "[req] has no req_extensions, so openssl req requests no SAN (add req_extensions = v3_req)"));
            section = commented?.Value ?? (cnf.HasSection("v3_req") ? "v3_req" : null);
        }
        else if (!cnf.HasSection(requested))
        {
            findings.Add(new(CsrFindingCode.ConfigSectionMissing, $"req_extensions = {requested}, but there is no [{requested}] section"));
            section = null;
        }

        List<string>? ekus = null;
        KeyUsageFlags? usage = null;
        if (section is not null && cnf.HasSection(section))
        {
            if (cnf.Get(section, "extendedKeyUsage") is { } eku)
            {
                ekus = List(eku).Where(e => !e.Equals("critical", StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (cnf.Get(section, "keyUsage") is { } ku)
            {
                usage = List(ku).Where(u => UsageNames.ContainsKey(u)).Aggregate(KeyUsageFlags.None, (all, u) => all | UsageNames[u]);
            }

            var san = cnf.Get(section, "subjectAltName");
            if (san is null)
            {
                findings.Add(new(CsrFindingCode.ConfigSanNotRequested, $"[{section}] has no subjectAltName, so no SAN is requested"));
            }
            else if (san.StartsWith("@", StringComparison.Ordinal))
            {
                var names = san.Substring(1).Trim();
                if (!cnf.HasSection(names))
                {
                    findings.Add(new(CsrFindingCode.ConfigSectionMissing, $"subjectAltName = {san}, but there is no [{names}] section"));
                }

                foreach (var entry in cnf.In(names))
                {
                    AddSan(sans, entry.Name.Split('.')[0], entry.Value, entry.Line, findings);
                }
            }
            else
            {
                var line = cnf.Settings.Last(s => s.Section == section && s.Name == "subjectAltName").Line;
                foreach (var item in List(san).Where(i => i.Contains(':')))
                {
                    var colon = item.IndexOf(':');
                    AddSan(sans, item.Substring(0, colon), item.Substring(colon + 1), line, findings);
                }
            }
        }

        if (!sans.Any(s => s.Type == SanType.Dns))
        {
            findings.Add(new(CsrFindingCode.ConfigNoDns, "the SAN list has no DNS name (DNS.1 = host.example.com in [alt_names])"));
        }

        if (!sans.Any(s => s.Type == SanType.Ip))
        {
            findings.Add(new(CsrFindingCode.ConfigNoIp, "the SAN list has no IP address (IP.1 = 10.0.0.5 in [alt_names]); IC connects by address too"));
        }

        return (sans, ekus, usage);
    }

    private static void AddSan(List<SubjectAltName> sans, string type, string value, int line, List<CsrFinding> findings)
    {
        var v = value.Trim();
        switch (type.Trim().ToUpperInvariant())
        {
            case "DNS":
                sans.Add(SubjectAltName.Dns(v));
                break;
            case "IP":
                if (IPAddress.TryParse(v, out _))
                {
                    sans.Add(SubjectAltName.Ip(v));
                }
                else
                {
                    findings.Add(new(CsrFindingCode.ConfigSyntax, $"line {line}: IP '{v}' is not an IPv4 or IPv6 address"));
                }

                break;
            case "EMAIL":
                sans.Add(SubjectAltName.Email(v));
                break;
            case "URI":
                sans.Add(SubjectAltName.Uri(v));
                break;
        }
    }

    private static DigestAlgorithm? ReadDigest(string? text, CsrPolicy policy, List<CsrFinding> findings)
    {
        if (text is null || text.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!DigestNames.TryParse(text, out var digest))
        {
            findings.Add(new(CsrFindingCode.ConfigWeakDigest, $"default_md = {text} is not a digest this tool knows; use sha256"));
            return null;
        }

        if (digest < policy.MinDigest)
        {
            findings.Add(new(CsrFindingCode.ConfigWeakDigest, $"default_md = {text}; at least {policy.MinDigest.ToDisplayName()} required"));
        }

        return digest;
    }

    private static IEnumerable<string> List(string value) => value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);
}
