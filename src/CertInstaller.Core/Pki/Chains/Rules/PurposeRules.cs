using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Rules;

/// <summary>The purpose of the leaf against its extended key usage and key usage (RFC 5280 §4.2.1.12, §4.2.1.3), and
/// against the EKU of the CAs above it (as openssl and Windows CryptoAPI treat a CA's EKU).</summary>
internal static class PurposeRules
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public static void Check(IReadOnlyList<X509Certificate> path, X509Certificate? anchor, ChainPurpose purpose, ChainProfile profile, Findings findings)
    {
        if (purpose == ChainPurpose.Any)
        {
            return;
        }

        var needed = Needed(purpose);
        var leaf = path[0];
        if (Certs.IsCa(leaf))
        {
            // RFC 5280 does not forbid a CA certificate as the end entity; the Baseline Requirements do (§7.1.2.7.8).
            // The key usage below still decides whether the key may do TLS at all.
            if (ChainWarnings.IsWarning(ChainProblemCode.CaUsedAsEndEntity, profile))
            {
                findings.Warn(ChainProblemCode.CaUsedAsEndEntity, leaf,
                    "a CA certificate (cA=TRUE or keyCertSign) is used as the TLS end-entity certificate; RFC 5280 allows it, the web PKI does not", "RFC 5280 §4.2.1.9; BR §7.1.2.7.8");
            }
            else
            {
                findings.Add(ChainProblemCode.CaUsedAsEndEntity, leaf,
                    "a CA certificate (cA=TRUE or keyCertSign) is used as the TLS end-entity certificate", "BR §7.1.2.7.8; RFC 5280 §4.2.1.9");
            }
        }

        if (Ekus(leaf) is { } leafEkus)
        {
            // anyExtendedKeyUsage alone does not satisfy a TLS purpose: RFC 5280 §4.2.1.12 lets applications that need
            // a specific purpose reject it, and openssl does.
            var missing = needed.Where(n => !leafEkus.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(ChainProblemCode.PurposeNotAllowed, leaf,
                    $"its extended key usage lacks {string.Join(" and ", missing.Select(ExtendedKeyUsages.ToName))}", "RFC 5280 §4.2.1.12");
            }
        }

        var usage = leaf.GetKeyUsage();
        if (usage is not null)
        {
            bool Has(int bit) => usage.Length > bit && usage[bit];
            var serverOk = Has(0) || Has(2) || Has(4);
            var clientOk = Has(0) || Has(4);
            if ((needed.Contains(ServerAuth) && !serverOk) || (needed.Contains(ClientAuth) && !clientOk))
            {
                findings.Add(ChainProblemCode.KeyUsageForbidsPurpose, leaf,
                    "its key usage has none of digitalSignature, keyEncipherment, keyAgreement that TLS needs", "RFC 5280 §4.2.1.3; RFC 8446 §4.4.2.2");
            }
        }

        for (var i = 1; i < path.Count; i++)
        {
            if (ReferenceEquals(path[i], anchor))
            {
                continue;
            }

            // As openssl: anyExtendedKeyUsage alone on a CA does not name the purpose, so it excludes it.
            if (Ekus(path[i]) is { } caEkus)
            {
                var missing = needed.Where(n => !caEkus.Contains(n)).ToList();
                if (missing.Count > 0)
                {
                    findings.Add(ChainProblemCode.CaPurposeExcluded, path[i],
                        $"this CA's extended key usage excludes {string.Join(" and ", missing.Select(ExtendedKeyUsages.ToName))}",
                        "RFC 5280 §4.2.1.12 as openssl and Windows CryptoAPI apply it to CAs");
                }
            }
        }
    }

    private static string[] Needed(ChainPurpose purpose) => purpose switch
    {
        ChainPurpose.Server => [ServerAuth],
        ChainPurpose.Client => [ClientAuth],
        _ => [ServerAuth, ClientAuth],
    };

    private static HashSet<string>? Ekus(X509Certificate c)
    {
        try
        {
            return c.GetExtensionValue(X509Extensions.ExtendedKeyUsage) is { } v
                ? [.. ExtendedKeyUsage.GetInstance(Asn1Object.FromByteArray(v.GetOctets())).GetAllUsages().Select(o => o.Id)]
                : null;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException)
        {
            return []; // malformed: reported by CertificateRules; nothing is allowed
        }
    }
}
