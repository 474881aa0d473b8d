using System.Net;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Pki.Requests;

/// <summary>Checks a described CSR against a <see cref="CsrPolicy"/>; reports findings, never throws.</summary>
public static class CsrChecker
{
    /// <summary>Every finding of <paramref name="csr"/> under <paramref name="policy"/>; empty when it may go to the CA.</summary>
    public static IReadOnlyList<CsrFinding> Check(CsrDescription csr, CsrPolicy policy)
    {
        var findings = new List<CsrFinding>();
        if (!csr.SignatureValid)
        {
            findings.Add(new(CsrFindingCode.SignatureInvalid, "the CSR signature does not verify with its own public key"));
        }

        foreach (var required in policy.Subject)
        {
            var actual = csr.Subject.ValuesOf(required.Key);
            if (actual.Count == 0)
            {
                findings.Add(new(CsrFindingCode.SubjectAttributeMissing, $"subject has no {required.Key}; required: {string.Join(", ", required.Value)}"));
            }
            else if (!actual.SequenceEqual(required.Value, StringComparer.Ordinal))
            {
                findings.Add(new(CsrFindingCode.SubjectAttributeMismatch,
                    $"subject {required.Key} is [{string.Join(", ", actual)}]; required, in order: [{string.Join(", ", required.Value)}]"));
            }
        }

        // IC's policy: the CN names the server (IC and the CA's forms read it); a CSR without one is never sent.
        if (!policy.Subject.Keys.Any(k => SubjectAttributes.Find(k)?.ShortName == "CN") && csr.Subject.ValuesOf("CN").Count == 0)
        {
            findings.Add(new(CsrFindingCode.SubjectAttributeMissing, "subject has no CN; IC's procedure names the server in it: make the CSR again with CN=<the server's FQDN>"));
        }

        if (csr.Sans.Count == 0 && policy.NoSan is { } noSan)
        {
            findings.Add(new(CsrFindingCode.NoSan, "the CSR requests no subject alternative name; IC and browsers match host names against SANs only")
            {
                Severity = noSan,
            });
        }

        foreach (var san in policy.RequiredSans.Where(s => !csr.Sans.Any(a => SameSan(a, s))))
        {
            findings.Add(new(CsrFindingCode.SanMissing, $"subject alternative names lack {san.TypeName}:{san.Value}"));
        }

        var key = csr.PublicKey;
        if (key.Algorithm == "RSA" && key.Bits < policy.MinRsaBits)
        {
            findings.Add(new(CsrFindingCode.KeyTooSmall, $"RSA key of {key.Bits} bits; at least {policy.MinRsaBits} required"));
        }
        else if (key.Algorithm == "EC" && key.Bits < policy.MinEcBits)
        {
            findings.Add(new(CsrFindingCode.KeyTooSmall, $"EC key of {key.Bits} bits; at least {policy.MinEcBits} required"));
        }
        else if (key.Algorithm is not ("RSA" or "EC"))
        {
            findings.Add(new(CsrFindingCode.KeyAlgorithmNotAllowed, $"key algorithm {key.Algorithm}; RSA or EC required"));
        }

        if (csr.Signature.Digest == DigestAlgorithm.Unknown || csr.Signature.Digest < policy.MinDigest)
        {
            findings.Add(new(CsrFindingCode.DigestTooWeak,
                $"signed with {csr.Signature.Algorithm} ({csr.Signature.Digest.ToDisplayName()}); at least {policy.MinDigest.ToDisplayName()} required"));
        }

        return findings;
    }

    /// <summary>A <see cref="CsrFindingCode.KeyMismatch"/> finding when <paramref name="privateKey"/> is not the CSR's key; null when it is.</summary>
    public static CsrFinding? CheckKey(Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest csr, Org.BouncyCastle.Crypto.AsymmetricKeyParameter privateKey)
    {
        bool matches;
        try
        {
            matches = LocalKeys.Parse(() => KeyMatcher.Matches(privateKey, csr.GetPublicKey()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            matches = false;
        }

        return matches ? null : new CsrFinding(CsrFindingCode.KeyMismatch, "the private key is not the key this CSR was made with");
    }

    /// <summary>True when two SANs name the same thing (DNS case-insensitively, IPs by address).</summary>
    public static bool SameSan(SubjectAltName actual, SubjectAltName required) =>
        actual.Type == required.Type && (actual.Type == SanType.Ip
            ? IPAddress.TryParse(actual.Value, out var a) && IPAddress.TryParse(required.Value, out var b) && a.Equals(b)
            : string.Equals(actual.Value, required.Value, StringComparison.OrdinalIgnoreCase));
}
