using System.Text.Json;
using CertInstaller.Core.Pki;

namespace CertInstaller.Core.Validation;

/// <summary>What counts as good enough, and how bad each finding is; immutable, with named presets.</summary>
public sealed record ValidationPolicy
{
    private static readonly IReadOnlyDictionary<FindingCode, Severity> DefaultSeverities = new Dictionary<FindingCode, Severity>
    {
        [FindingCode.UnreadableFile] = Severity.Error,
        [FindingCode.MapFileUnreadable] = Severity.Error,
        [FindingCode.MapEntryMissing] = Severity.Error,
        [FindingCode.MapEntryOutsideFolder] = Severity.Error,
        [FindingCode.LinkNotFollowed] = Severity.Warning,
        [FindingCode.SpecialFileSkipped] = Severity.Warning,
        [FindingCode.FolderMissing] = Severity.Error,
        [FindingCode.FolderUnrecognised] = Severity.Error,
        [FindingCode.FolderEmpty] = Severity.Error,
        [FindingCode.FolderUnreadable] = Severity.Error,
        [FindingCode.PasswordRequired] = Severity.Warning,
        [FindingCode.PasswordWrong] = Severity.Warning,
        [FindingCode.PublicKeyMismatch] = Severity.Error,
        [FindingCode.HttpsChainNotTrusted] = Severity.Warning,
        // An EKU that leaves out the slot's use fails the TLS handshake wherever the peer checks purposes (SChannel
        // and OpenSSL both do when the extension is present), as import-check's EkuMissing says: an error for both.
        [FindingCode.ExtendedKeyUsageWrong] = Severity.Error,
        [FindingCode.KeyUsageNotTls] = Severity.Warning,
        [FindingCode.InactiveCertificateDates] = Severity.Warning,
        [FindingCode.ChainWarning] = Severity.Warning,
        [FindingCode.SwitchoverSharedKey] = Severity.Info,
        [FindingCode.PrivateKeyGroupReadable] = Severity.Warning,
        [FindingCode.CsrSignatureInvalid] = Severity.Warning,
        [FindingCode.CsrKeyTooWeak] = Severity.Warning,
        [FindingCode.CsrDigestTooWeak] = Severity.Warning,
        [FindingCode.CsrSanMissing] = Severity.Warning,
        [FindingCode.CsrKeyMismatch] = Severity.Warning,
        [FindingCode.CsrCertificateKeyMismatch] = Severity.Warning,
        [FindingCode.CsrCertificateNamesChanged] = Severity.Warning,
        [FindingCode.PfxKeyMismatch] = Severity.Warning,
        [FindingCode.CsrAreaFileUnreadable] = Severity.Warning,
        [FindingCode.CsrKeyMissing] = Severity.Warning,
        [FindingCode.CsrCertificateKeyMissing] = Severity.Warning,
        [FindingCode.CsrAreaKeyUnmatched] = Severity.Warning,
        [FindingCode.CaNotIssuedByServerGroup] = Severity.Error,
        [FindingCode.OrphanedByDisplacedRoot] = Severity.Error,
        [FindingCode.RemoteTrustIncomplete] = Severity.Error,
        [FindingCode.KeyMismatch] = Severity.Error,
        [FindingCode.KeyMissing] = Severity.Warning,
        [FindingCode.ChainNotTrusted] = Severity.Error,
        [FindingCode.Expired] = Severity.Error,
        [FindingCode.NotYetValid] = Severity.Error,
        [FindingCode.ExpiringSoon] = Severity.Warning,
        [FindingCode.WeakDigest] = Severity.Error,
        [FindingCode.WeakKey] = Severity.Error,
        [FindingCode.HostNotInSan] = Severity.Error,
        [FindingCode.SwitchoverMismatch] = Severity.Error,
        [FindingCode.PeerFolderMissing] = Severity.Error,
        [FindingCode.ThirdPartyChanged] = Severity.Error,
        [FindingCode.ThirdPartyMissing] = Severity.Error,
        [FindingCode.PrivateKeyWorldReadable] = Severity.Warning,
        [FindingCode.SigningKeyWorldReadable] = Severity.Error,
        [FindingCode.LeftoverBackup] = Severity.Info,
        // The stores (validate with the store checks): an older copy in My does not stop IC, an unknown key flag is a
        // question for a Windows admin, and a folder outside the single-certificate mode has nothing to compare.
        [FindingCode.StoreKeyExportabilityUnknown] = Severity.Info,
        [FindingCode.StoreCertificateOlder] = Severity.Warning,
        [FindingCode.StoreCertificateExpiringSoon] = Severity.Warning,
        [FindingCode.StoreNotApplicable] = Severity.Info,
    };

    /// <summary>The default for install time and for certharness validate: errors fail, warnings are reported.</summary>
    public static ValidationPolicy Installer { get; } = new();

    /// <summary>Warnings fail too; expiry window of 60 days; a slot's wrong key usage is an error.</summary>
    public static ValidationPolicy Strict { get; } = new()
    {
        FailAt = Severity.Warning,
        ExpiryWarningDays = 60,
        Overrides = new Dictionary<FindingCode, Severity?>
        {
            [FindingCode.KeyUsageNotTls] = Severity.Error,
        },
    };

    /// <summary>The weakest acceptable signature digest.</summary>
    public DigestAlgorithm MinDigest { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>Smallest acceptable RSA modulus, in bits.</summary>
    public int MinRsaBits { get; init; } = 2048;

    /// <summary>Smallest acceptable EC field size, in bits.</summary>
    public int MinEcBits { get; init; } = 256;

    /// <summary>Certificates expiring within this many days get <see cref="FindingCode.ExpiringSoon"/>.</summary>
    public int ExpiryWarningDays { get; init; } = 30;

    /// <summary>The lowest severity that makes the folder invalid.</summary>
    public Severity FailAt { get; init; } = Severity.Error;

    /// <summary>Per-code overrides: a severity, or null to drop the finding.</summary>
    public IReadOnlyDictionary<FindingCode, Severity?> Overrides { get; init; } = new Dictionary<FindingCode, Severity?>();

    /// <summary>The severity of <paramref name="code"/> under this policy, or null when the policy drops it.</summary>
    public Severity? SeverityOf(FindingCode code) =>
        Overrides.TryGetValue(code, out var s) ? s : DefaultSeverities.TryGetValue(code, out var d) ? d : Severity.Error;

    /// <summary>Judges an observation; null when the policy drops it.</summary>
    public Finding? Judge(Observation o) =>
        SeverityOf(o.Code) is { } severity ? new Finding(o.Code, severity, o.Path, o.Message) : null;

    /// <summary>Reads a policy JSON file over <paramref name="basis"/>.</summary>
    /// <exception cref="PolicyException">The file is unreadable or names an unknown setting or value.</exception>
    public static ValidationPolicy Load(string path, ValidationPolicy basis) => Load(path, basis, new IO.PhysicalFileSystem());

    /// <summary>Reads a policy JSON file over <paramref name="basis"/> through <paramref name="fileSystem"/>.</summary>
    /// <exception cref="PolicyException">The file is unreadable or names an unknown setting or value.</exception>
    public static ValidationPolicy Load(string path, ValidationPolicy basis, IO.IFileSystem fileSystem) =>
        Parse(PolicyJson.Read(path, fileSystem), path, basis);

    /// <summary>The largest policy file read (a real one is well under 10 KB): a bigger one is refused before it is read,
    /// so a huge file (a 40 MB one took 436 MB of memory) cannot exhaust a privileged run.</summary>
    public const int MaxPolicyBytes = 1024 * 1024;

    /// <summary>The settings a policy file may hold, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Settings { get; } = ["minDigest", "minRsaBits", "minEcBits", "expiryWarningDays", "failAt", "severities"];

    /// <summary>Parses policy JSON (camelCase names: minDigest, minRsaBits, minEcBits, expiryWarningDays, failAt, severities).</summary>
    /// <exception cref="PolicyException">The JSON is not one object, or names an unknown setting or value.</exception>
    public static ValidationPolicy Parse(string json, string source, ValidationPolicy basis)
    {
        using var doc = PolicyJson.Object(json, source, Settings);
        var policy = basis;
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            policy = p.Name switch
            {
                "minDigest" => policy with { MinDigest = PolicyJson.Digest(p, source) },
                "minRsaBits" => policy with { MinRsaBits = PolicyJson.Int(p, source, 512, 16384, 2048) },
                "minEcBits" => policy with { MinEcBits = PolicyJson.Int(p, source, 160, 521, 256) },
                "expiryWarningDays" => policy with { ExpiryWarningDays = PolicyJson.Int(p, source, 0, 3650, 30) },
                "failAt" => policy with { FailAt = FailAtOf(p, source) },
                "severities" => policy with { Overrides = Severities(p, source, policy.Overrides) },
                _ => throw PolicyJson.UnknownSetting(source, p.Name, Settings),
            };
        }
        return policy;
    }

    private static Severity FailAtOf(JsonProperty p, string source) =>
        PolicyJson.Severity(p.Value, source, p.Name) ?? throw new PolicyException(PolicyErrorCode.PolicySeverityUnknown, source,
            "failAt cannot be \"off\" (a policy under which nothing fails validates nothing)", "give error, warning or info", p.Name);

    private static IReadOnlyDictionary<FindingCode, Severity?> Severities(JsonProperty p, string source, IReadOnlyDictionary<FindingCode, Severity?> basis)
    {
        if (p.Value.ValueKind != JsonValueKind.Object)
            throw PolicyJson.WrongType(source, p.Name, "an object of code: severity", "\"severities\": { \"CI7001\": \"off\" }");
        var result = basis.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var s in p.Value.EnumerateObject())
        {
            var key = s.Name.StartsWith("CI", StringComparison.OrdinalIgnoreCase) ? s.Name.Substring(2) : s.Name;
            if (!Enum.TryParse<FindingCode>(key, ignoreCase: true, out var code) || !Enum.IsDefined(typeof(FindingCode), code))
                throw new PolicyException(PolicyErrorCode.PolicyCodeUnknown, source, $"severities names an unknown code \"{s.Name}\"",
                    "give a finding code of docs/codes.md as CI<number> or its name (e.g. \"CI7001\" or \"LeftoverBackup\")", s.Name);
            result[code] = PolicyJson.Severity(s.Value, source, s.Name);
        }
        return result;
    }
}
