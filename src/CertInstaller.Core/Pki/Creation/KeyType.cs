namespace CertInstaller.Core.Pki.Creation;

/// <summary>A key to generate for a CSR: RSA with 2048, 3072 or 4096 bits, or EC on P-256 or P-384.</summary>
public sealed record KeyType(string Algorithm, int Bits)
{
    /// <summary>The accepted spellings, as <c>--key-type</c> takes them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rsa:2048", "rsa:3072", "rsa:4096", "ec:P-256", "ec:P-384"];

    /// <summary>RSA 2048, the guide's and OpenSSL's default.</summary>
    public static KeyType Default { get; } = new("RSA", 2048);

    private static readonly IReadOnlyDictionary<string, KeyType> Spellings = new Dictionary<string, KeyType>(StringComparer.OrdinalIgnoreCase)
    {
        ["rsa:2048"] = new("RSA", 2048), ["rsa:3072"] = new("RSA", 3072), ["rsa:4096"] = new("RSA", 4096),
        ["ec:P-256"] = new("EC", 256), ["ec:P256"] = new("EC", 256), ["ec:prime256v1"] = new("EC", 256),
        ["ec:P-384"] = new("EC", 384), ["ec:P384"] = new("EC", 384), ["ec:secp384r1"] = new("EC", 384),
    };

    /// <summary>Parses "rsa:2048" ... "ec:P-384" (any case; openssl's curve names too); false for anything else.</summary>
    public static bool TryParse(string? text, out KeyType type)
    {
        var found = Spellings.TryGetValue((text ?? string.Empty).Trim(), out var t);
        type = found ? t! : Default;
        return found;
    }

    /// <inheritdoc/>
    public override string ToString() => Algorithm == "RSA" ? $"rsa:{Bits}" : $"ec:P-{Bits}";
}
