namespace CertInstaller.Core.Store;

/// <summary>Thumbprint text as the stores and this tool compare it: hex, upper case, no spaces or colons.</summary>
public static class Thumbprints
{
    /// <summary>Removes spaces, colons and the invisible mark mmc's copy puts in front, and upper-cases the rest.</summary>
    public static string Normalise(string thumbprint) =>
        new(thumbprint.Where(ch => !char.IsWhiteSpace(ch) && ch != ':' && ch != '\u200e').Select(char.ToUpperInvariant).ToArray());

    /// <summary>The SHA-1 thumbprint of DER bytes, as <see cref="StoreCertificate.Thumbprint"/> spells it.</summary>
    public static string Of(byte[] der)
    {
        // SHA-1 because a thumbprint is SHA-1 by definition (crypt32's CERT_SHA1_HASH_PROP_ID); it names, never protects.
        using var sha1 = System.Security.Cryptography.SHA1.Create();
        return BitConverter.ToString(sha1.ComputeHash(der)).Replace("-", string.Empty);
    }
}
