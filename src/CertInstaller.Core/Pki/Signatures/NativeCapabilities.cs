namespace CertInstaller.Core.Pki.Signatures;

/// <summary>
/// What the platform's own cryptography (System.Security.Cryptography: OpenSSL on Linux, CNG or CAPI on Windows) verified
/// correctly in this process's probe. Immutable once detected.
/// </summary>
/// <param name="RsaPkcs1">RSA PKCS#1 v1.5 with SHA-1/256/384/512.</param>
/// <param name="RsaPss">RSASSA-PSS with SHA-1/256/384/512, MGF1 with the same digest, salt as long as the digest.</param>
/// <param name="Ecdsa">ECDSA on P-256, P-384 and P-521 with SHA-1/256/384/512.</param>
/// <param name="Notes">Why a capability is missing (the probe's error), empty when all are present.</param>
public sealed record NativeCapabilities(bool RsaPkcs1, bool RsaPss, bool Ecdsa, string Notes)
{
    /// <summary>No native capability: BouncyCastle verifies everything.</summary>
    public static NativeCapabilities None(string why) => new(false, false, false, why);

    /// <summary>True when at least one algorithm family runs natively.</summary>
    public bool Any => RsaPkcs1 || RsaPss || Ecdsa;

    /// <summary>One line for the debug output: which verifier runs for which algorithms.</summary>
    public string Describe()
    {
        var native = new List<string>();
        if (RsaPkcs1) native.Add("RSA PKCS#1 v1.5");
        if (RsaPss) native.Add("RSA-PSS");
        if (Ecdsa) native.Add("ECDSA P-256/384/521");
        var line = native.Count == 0
            ? "signatures: BouncyCastle for every algorithm"
            : $"signatures: BCL (System.Security.Cryptography) for {string.Join(", ", native)} with SHA-1/256/384/512; "
              + "BouncyCastle for the rest (Ed25519, Ed448, DSA, MD2/MD4/MD5, SHA-224, other curves and PSS parameters)";
        return Notes.Length == 0 ? line : $"{line} ({Notes})";
    }
}
