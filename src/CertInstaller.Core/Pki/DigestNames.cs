namespace CertInstaller.Core.Pki;

/// <summary>Display names ("SHA-256") of <see cref="DigestAlgorithm"/> values, and parsing of them.</summary>
public static class DigestNames
{
    private static readonly (DigestAlgorithm Digest, string Name)[] Names =
    [
        (DigestAlgorithm.Md2, "MD2"), (DigestAlgorithm.Md4, "MD4"), (DigestAlgorithm.Md5, "MD5"),
        (DigestAlgorithm.Sha1, "SHA-1"), (DigestAlgorithm.Sha224, "SHA-224"), (DigestAlgorithm.Sha256, "SHA-256"),
        (DigestAlgorithm.Sha384, "SHA-384"), (DigestAlgorithm.Sha512, "SHA-512"), (DigestAlgorithm.Shake256, "SHAKE256"),
    ];

    /// <summary>The display name, e.g. "SHA-256"; "unknown" for <see cref="DigestAlgorithm.Unknown"/>.</summary>
    public static string ToDisplayName(this DigestAlgorithm digest)
    {
        foreach (var (d, name) in Names)
        {
            if (d == digest)
            {
                return name;
            }
        }

        return "unknown";
    }

    /// <summary>Parses "SHA-256", "sha256", "SHA256" (any case, dash optional); false when not a known digest.</summary>
    public static bool TryParse(string? text, out DigestAlgorithm digest)
    {
        var wanted = (text ?? string.Empty).Replace("-", string.Empty).Replace("_", string.Empty).Trim();
        foreach (var (d, name) in Names)
        {
            if (string.Equals(name.Replace("-", string.Empty), wanted, StringComparison.OrdinalIgnoreCase))
            {
                digest = d;
                return true;
            }
        }

        digest = DigestAlgorithm.Unknown;
        return false;
    }
}
