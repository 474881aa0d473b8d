using System.Net;
using CertInstaller.Core.Pki.Chains.Rules;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Profiles;

/// <summary>
/// <c>--profile webpki</c>: the CA/Browser Forum Baseline Requirements (TLS BRs 2.x) for certificates browsers see, on
/// top of RFC 5280. The leaf: a SAN (§7.1.2.7.12), the CN one of the SANs (§7.1.4.3), no critical SAN with a subject
/// (§7.1.2.7.12), wildcards only as a whole left-most label over at least two labels (§7.1.2.7.12), an EKU with
/// serverAuth and without anyExtendedKeyUsage (§7.1.2.7.10). Every certificate: AKI unless self-signed, SKI on CAs
/// (§7.1.2.1.3, §7.1.2.7.5, §7.1.2.11.4), keys RSA ≥ 2048 bits and a multiple of 8, no DSA, no P-192 (§6.1.5), and
/// below the anchor no SHA-1 signature (§7.1.3.2). The leaf's SKI is not required (the BRs make it NOT RECOMMENDED).
/// </summary>
internal static class WebPkiRules
{
    private const string AnyEku = "2.5.29.37.0";
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    public static void Check(IReadOnlyList<X509Certificate> path, X509Certificate? anchor, Findings findings)
    {
        Leaf(path[0], findings);
        foreach (var c in path)
        {
            var trusted = ReferenceEquals(c, anchor);
            Key(c, findings);
            if (!Certs.IsSelfIssued(c) && Certs.AuthorityKeyId(c) is null)
            {
                findings.Add(ChainProblemCode.WebPkiKeyIdentifierMissing, c, "no authority key identifier", "BR §7.1.2.7.5, §7.1.2.10.5 (RFC 5280 §4.2.1.1)");
            }

            if (!ReferenceEquals(c, path[0]) && Certs.SubjectKeyId(c) is null)
            {
                findings.Add(ChainProblemCode.WebPkiKeyIdentifierMissing, c, "this CA has no subject key identifier", "BR §7.1.2.1.3, §7.1.2.10.5 (RFC 5280 §4.2.1.2)");
            }

            // The BRs refuse SHA-1 whatever the minimum digest a legacy folder's policy allows (validate judges the HTTPS
            // slot by this profile and leaves WeakSignatureDigest to CI3005).
            if (!trusted && PkiDescriber.DescribeSignature(c.CertificateStructure.SignatureAlgorithm).Digest == DigestAlgorithm.Sha1)
            {
                findings.Add(ChainProblemCode.WebPkiSha1Signature, c, "signed with SHA-1", "BR §7.1.3.2");
            }
        }
    }

    private static void Leaf(X509Certificate leaf, Findings findings)
    {
        var description = PkiDescriber.Describe(leaf);
        var sanExtension = leaf.CertificateStructure.TbsCertificate.Extensions?.GetExtension(X509Extensions.SubjectAlternativeName);
        if (sanExtension is null || description.Sans.Count == 0)
        {
            findings.Add(ChainProblemCode.WebPkiSanMissing, leaf, "no subject alternative name", "BR §7.1.2.7.12");
        }
        else if (sanExtension.IsCritical && leaf.SubjectDN.GetOidList().Count > 0)
        {
            findings.Add(ChainProblemCode.WebPkiCriticalSan, leaf, "the subject alternative name is critical although the subject is not empty", "BR §7.1.2.7.12; RFC 5280 §4.2.1.6");
        }

        // Without SANs, WebPkiSanMissing already says it all.
        foreach (var cn in description.Sans.Count == 0 ? [] : description.Subject.ValuesOf("CN"))
        {
            if (!description.Sans.Any(s => s.Type == SanType.Dns ? string.Equals(s.Value, cn, StringComparison.OrdinalIgnoreCase)
                    : s.Type == SanType.Ip && IPAddress.TryParse(cn, out var ip) && ip.ToString() == s.Value))
            {
                // A rule for the issuing CA; no browser or TLS library enforces it when it verifies, so it warns.
                findings.Warn(ChainProblemCode.WebPkiCommonNameNotInSan, leaf, $"the common name '{cn}' is not one of the subject alternative names", "BR §7.1.4.3");
            }
        }

        foreach (var dns in description.Sans.Where(s => s.Type == SanType.Dns && s.Value.IndexOf('*') >= 0))
        {
            var labels = dns.Value.TrimEnd('.').Split('.');
            if (labels[0] != "*" || labels.Skip(1).Any(l => l.IndexOf('*') >= 0) || labels.Length < 3)
            {
                findings.Add(ChainProblemCode.WebPkiBadWildcard, leaf,
                    $"the wildcard '{dns.Value}' is not a whole left-most label over a registrable domain", "BR §7.1.2.7.12; RFC 6125 §6.4.3");
            }
        }

        var ekus = Ekus(leaf);
        if (ekus is null || !ekus.Contains(ServerAuth) || ekus.Contains(AnyEku))
        {
            findings.Add(ChainProblemCode.WebPkiEkuInvalid, leaf,
                ekus is null ? "no extended key usage" : ekus.Contains(AnyEku) ? "the extended key usage includes anyExtendedKeyUsage" : "the extended key usage lacks serverAuth",
                "BR §7.1.2.7.10");
        }
    }

    private static void Key(X509Certificate c, Findings findings)
    {
        PublicKeyDescription key;
        try
        {
            key = PkiDescriber.DescribePublicKey(c.CertificateStructure.SubjectPublicKeyInfo);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException)
        {
            return;
        }

        var weak = key.Algorithm switch
        {
            "RSA" or "RSA-PSS" when key.Bits < 2048 => $"an RSA key of {key.Bits} bits (at least 2048)",
            "RSA" or "RSA-PSS" when key.Bits % 8 != 0 => $"an RSA key of {key.Bits} bits (not a multiple of 8)",
            "DSA" => "a DSA key",
            "EC" when key.Bits < 256 => $"an EC key on a {key.Bits}-bit curve (P-256, P-384 or P-521)",
            _ => null,
        };
        if (weak is not null)
        {
            findings.Add(ChainProblemCode.WebPkiWeakKey, c, weak, "BR §6.1.5");
        }
    }

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
            return [];
        }
    }
}
