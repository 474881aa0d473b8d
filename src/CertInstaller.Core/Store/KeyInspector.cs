using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;

namespace CertInstaller.Core.Store;

/// <summary>
/// Reads what a store certificate's private key says about itself without exporting it: the exportable flag of its
/// CAPI container or CNG key, and whether its public half is the certificate's public key (a public-only export, which
/// every key allows).
/// </summary>
/// <remarks>The certificate's own public key is read with BouncyCastle, not the BCL: the BCL reads it through BCrypt,
/// which has no RSA under Wine, so the comparison would be lost there for no reason.</remarks>
internal static class KeyInspector
{
    /// <summary>Exportability and key match of <paramref name="certificate"/>'s private key; unknown when it cannot be opened.</summary>
    public static (KeyExportability Exportable, bool? Matches) Inspect(X509Certificate2 certificate)
    {
        var exportable = KeyExportability.Unknown;
        bool? matches = null;
        try
        {
            var own = new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(certificate.RawData).GetPublicKey();
            using (var rsa = certificate.GetRSAPrivateKey())
            {
                if (rsa is not null)
                {
                    exportable = Exportability(rsa);
                    matches = own is RsaKeyParameters r && SameRsa(rsa.ExportParameters(false), r);
                    return (exportable, matches);
                }
            }

            using (var ec = certificate.GetECDsaPrivateKey())
            {
                if (ec is not null)
                {
                    exportable = Exportability(ec);
                    matches = own is ECPublicKeyParameters e && SameEc(ec.ExportParameters(false), e);
                }
            }
        }
        catch (Exception e) when (e is CryptographicException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // No access to the machine key (not elevated), a provider that is gone, or an algorithm the BCL lacks: what
            // was learnt before the failure stands.
        }

        return (exportable, matches);
    }

    private static KeyExportability Exportability(AsymmetricAlgorithm key)
    {
        try
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
        catch (CryptographicException)
        {
            return KeyExportability.Unknown; // the provider does not answer (KP_PERMISSIONS, NCRYPT_EXPORT_POLICY_PROPERTY)
        }
    }

#if NET
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static KeyExportability Of(CngExportPolicies policy) =>
        (policy & (CngExportPolicies.AllowExport | CngExportPolicies.AllowPlaintextExport)) != 0 ? KeyExportability.Yes : KeyExportability.No;
#endif

    private static bool SameRsa(RSAParameters key, RsaKeyParameters own) =>
        Same(key.Modulus, own.Modulus.ToByteArrayUnsigned()) && Same(key.Exponent, own.Exponent.ToByteArrayUnsigned());

    private static bool SameEc(ECParameters key, ECPublicKeyParameters own)
    {
        var q = own.Q.Normalize();
        return Same(key.Q.X, q.AffineXCoord.GetEncoded()) && Same(key.Q.Y, q.AffineYCoord.GetEncoded());
    }

    private static bool Same(byte[]? a, byte[] b) => a is not null && a.SkipWhile(x => x == 0).SequenceEqual(b.SkipWhile(x => x == 0));
}
