using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Revocation;

/// <summary>
/// RFC 5280 §6.3 against CRL files given by the caller (never fetched). The leaf must be covered by a CRL of its
/// issuer; an intermediate is checked when CRLs of its issuer were given. For the CRL used: its signature by the
/// issuer's key (§6.3.3(g)), cRLSign on the issuer (§6.3.3(f)), thisUpdate/nextUpdate at the validation time
/// (§6.3.3(a)), critical extensions (§5.2), the CRL number (§5.2.3), and the serial (§6.3.3(i)).
/// </summary>
internal static class CrlChecker
{
    // CRL extensions processed here; any other critical CRL or entry extension fails.
    private static readonly HashSet<string> Handled = [X509Extensions.CrlNumber.Id, X509Extensions.AuthorityKeyIdentifier.Id];

    public static IReadOnlyList<CrlSource> Check(IReadOnlyList<X509Certificate> path, X509Certificate? anchor, IReadOnlyList<CrlSource> crls,
        DateTimeOffset at, Findings findings)
    {
        var used = new List<CrlSource>();
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var cert = path[i];
            var issuer = path[i + 1];
            if (ReferenceEquals(cert, anchor))
            {
                break;
            }

            var key = CertificatePool.NameKey(cert.IssuerDN);
            var candidates = crls.Where(c => CertificatePool.NameKey(c.Crl.IssuerDN) == key).ToList();
            if (candidates.Count == 0)
            {
                if (i == 0)
                {
                    findings.Add(ChainProblemCode.CrlNotFound, cert,
                        $"no given CRL is issued by '{Certs.DescribeName(cert.IssuerDN)}', so its revocation status is unknown", "RFC 5280 §6.3.3");
                }

                continue;
            }

            var verified = candidates.Where(c => Verifies(c.Crl, issuer)).OrderByDescending(c => c.Crl.ThisUpdate).ToList();
            if (verified.Count == 0)
            {
                findings.Add(ChainProblemCode.CrlBadSignature, cert,
                    $"the CRL {Describe(candidates[0])} does not verify with the key of '{Certs.Describe(issuer)}'", "RFC 5280 §6.3.3(f), (g)");
                continue;
            }

            var source = verified[0];
            used.Add(source);
            Judge(cert, issuer, source, at.UtcDateTime, findings);
        }

        return used;
    }

    private static void Judge(X509Certificate cert, X509Certificate issuer, CrlSource source, DateTime when, Findings findings)
    {
        var crl = source.Crl;
        var usage = issuer.GetKeyUsage();
        if (usage is not null && (usage.Length <= 6 || !usage[6]))
        {
            findings.Add(ChainProblemCode.CrlIssuerMissingCrlSign, cert,
                $"the CRL {Describe(source)} is signed by '{Certs.Describe(issuer)}', whose key usage lacks cRLSign", "RFC 5280 §4.2.1.3, §6.3.3(f)");
        }

        if (crl.ThisUpdate.ToUniversalTime() > when)
        {
            findings.Add(ChainProblemCode.CrlNotCurrent, cert,
                $"the CRL {Describe(source)} is not valid before {crl.ThisUpdate.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ} (thisUpdate)", "RFC 5280 §5.1.2.4, §6.3.3(a)");
        }
        else if (crl.NextUpdate is not { } next)
        {
            findings.Add(ChainProblemCode.CrlNotCurrent, cert, $"the CRL {Describe(source)} has no nextUpdate", "RFC 5280 §5.1.2.5");
        }
        else if (next.ToUniversalTime() < when)
        {
            findings.Add(ChainProblemCode.CrlNotCurrent, cert,
                $"the CRL {Describe(source)} expired on {next.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ} (nextUpdate)", "RFC 5280 §5.1.2.5, §6.3.3(a)");
        }

        foreach (var oid in crl.GetCriticalExtensionOids() ?? new HashSet<string>())
        {
            if (!Handled.Contains(oid) || oid == X509Extensions.CrlNumber.Id)
            {
                findings.Add(oid == X509Extensions.CrlNumber.Id ? ChainProblemCode.CrlNumberInvalid : ChainProblemCode.CrlUnhandledCriticalExtension, cert,
                    oid == X509Extensions.CrlNumber.Id
                        ? $"the CRL {Describe(source)} marks its CRL number critical"
                        : $"the CRL {Describe(source)} has the critical extension {oid}, which this validator does not process",
                    oid == X509Extensions.CrlNumber.Id ? "RFC 5280 §5.2.3" : "RFC 5280 §5.2");
            }
        }

        if (crl.GetExtensionValue(X509Extensions.CrlNumber) is null)
        {
            findings.Add(ChainProblemCode.CrlNumberInvalid, cert, $"the CRL {Describe(source)} has no CRL number", "RFC 5280 §5.2.3");
        }

        if (crl.GetRevokedCertificate(cert.SerialNumber) is { } entry)
        {
            var entryCritical = entry.GetCriticalExtensionOids();
            if (entryCritical is { Count: > 0 })
            {
                findings.Add(ChainProblemCode.CrlUnhandledCriticalExtension, cert,
                    $"the CRL {Describe(source)} lists this serial with the critical entry extension {string.Join(", ", entryCritical)}", "RFC 5280 §5.3");
            }

            findings.Add(ChainProblemCode.Revoked, cert,
                $"revoked on {entry.RevocationDate.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}{Reason(entry)} (CRL {Describe(source)})", "RFC 5280 §6.3.3(i)");
        }
    }

    private static string Reason(X509CrlEntry entry)
    {
        try
        {
            return entry.GetExtensionValue(X509Extensions.ReasonCode) is { } v
                ? $", reason {CrlReason.GetInstance(Asn1Object.FromByteArray(v.GetOctets()))}"
                : string.Empty;
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            return string.Empty;
        }
    }

    private static bool Verifies(X509Crl crl, X509Certificate issuer)
    {
        try
        {
            LocalKeys.Parse(() => { crl.Verify(issuer.GetPublicKey()); return true; });
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    private static string Describe(CrlSource source) =>
        source.File is { } file ? $"'{file}'" : $"of '{Certs.DescribeName(source.Crl.IssuerDN)}'";
}
