namespace CertInstaller.Core.Pki.Creation;

/// <summary>A key to generate for a CSR: RSA with 2048, 3072 or 4096 bits, or EC on P-256 or P-384.</summary>
public sealed record KeyType(string Algorithm, int Bits)
{
    /// <summary>The accepted spellings, as <c>--key-type</c> takes them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rsa:2048", "rsa:3072", "rsa:4096", "ec:P-256", "ec:P-384"];

    /// <summary>RSA 2048, the guide's and OpenSSL's default.</summary>
    public static KeyType Default { get; } = new("RSA", 2048);

    /// <summary>Parses "rsa:2048" ... "ec:P-384" (any case); false for anything else.</summary>
    public static bool TryParse(string? text, out KeyType type)
    {
        var t = (text ?? string.Empty).Trim().ToLowerInvariant();
        type = t switch
        {
            "rsa:2048" => new KeyType("RSA", 2048),
            "rsa:3072" => new KeyType("RSA", 3072),
            "rsa:4096" => new KeyType("RSA", 4096),
            "ec:p-256" or "ec:p256" or "ec:prime256v1" => new KeyType("EC", 256),
            "ec:p-384" or "ec:p384" or "ec:secp384r1" => new KeyType("EC", 384),
            _ => Default,
        };
        return t is "rsa:2048" or "rsa:3072" or "rsa:4096" or "ec:p-256" or "ec:p256" or "ec:prime256v1" or "ec:p-384" or "ec:p384" or "ec:secp384r1";
    }

    /// <inheritdoc/>
    public override string ToString() => Algorithm == "RSA" ? $"rsa:{Bits}" : $"ec:P-{Bits}";
}
