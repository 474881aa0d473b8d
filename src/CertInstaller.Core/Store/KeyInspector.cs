using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertInstaller.Core.Store;

/// <summary>
/// Reads what a store certificate's private key says about itself without exporting it: the exportable flag of its
/// CAPI container or CNG key, and whether its public half is the certificate's public key (a public-only export, which
/// every key allows).
/// </summary>
internal static class KeyInspector
{
    /// <summary>Exportability and key match of <paramref name="certificate"/>'s private key; unknown when it cannot be opened.</summary>
    public static (KeyExportability Exportable, bool? Matches) Inspect(X509Certificate2 certificate)
    {
        try
        {
            using (var rsa = certificate.GetRSAPrivateKey())
            {
                if (rsa is not null)
                {
                    using var pub = certificate.GetRSAPublicKey();
                    return (Exportability(rsa), pub is not null && SameRsa(rsa.ExportParameters(false), pub.ExportParameters(false)));
                }
            }

            using (var ec = certificate.GetECDsaPrivateKey())
            {
                if (ec is not null)
                {
                    using var pub = certificate.GetECDsaPublicKey();
                    return (Exportability(ec), pub is not null && SameEc(ec.ExportParameters(false), pub.ExportParameters(false)));
                }
            }
        }
        catch (Exception e) when (e is CryptographicException or UnauthorizedAccessException or NotSupportedException)
        {
            // No access to the machine key (not elevated), a provider that is gone, or an algorithm the BCL lacks.
        }

        return (KeyExportability.Unknown, null);
    }

    private static KeyExportability Exportability(AsymmetricAlgorithm key)
    {
#if NET
        if (!OperatingSystem.IsWindows()) return KeyExportability.Unknown;
        return key switch
        {
            RSACryptoServiceProvider csp => csp.CspKeyContainerInfo.Exportable ? KeyExportability.Yes : KeyExportability.No,
            RSACng cng => Of(cng.Key.ExportPolicy),
            ECDsaCng cng => Of(cng.Key.ExportPolicy),
            _ => KeyExportability.Unknown,
        };
#else
        // netstandard2.0 (the DTF host) has the CAPI types only; a CNG key's policy stays unknown there.
        return key is RSACryptoServiceProvider csp
            ? csp.CspKeyContainerInfo.Exportable ? KeyExportability.Yes : KeyExportability.No
            : KeyExportability.Unknown;
#endif
    }

#if NET
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static KeyExportability Of(CngExportPolicies policy) =>
        (policy & (CngExportPolicies.AllowExport | CngExportPolicies.AllowPlaintextExport)) != 0 ? KeyExportability.Yes : KeyExportability.No;
#endif

    private static bool SameRsa(RSAParameters a, RSAParameters b) => Same(a.Modulus, b.Modulus) && Same(a.Exponent, b.Exponent);

    private static bool SameEc(ECParameters a, ECParameters b) => Same(a.Q.X, b.Q.X) && Same(a.Q.Y, b.Q.Y);

    private static bool Same(byte[]? a, byte[]? b) => a is not null && b is not null && a.AsEnumerable().SequenceEqual(b);
}
