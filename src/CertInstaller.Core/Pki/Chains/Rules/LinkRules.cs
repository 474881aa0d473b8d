using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Rules;

/// <summary>Each issuer→subject link: signature (RFC 5280 §6.1.3(a)(1)), and the issuer being a CA that may sign
/// certificates (§6.1.4(k), (l), (m), (n)).</summary>
internal static class LinkRules
{
    /// <summary>True when <paramref name="subject"/> is signed with a known digest weaker than <paramref name="minimum"/>
    /// (an unknown digest is left to the signature check).</summary>
    public static bool BelowMinimum(X509Certificate subject, DigestAlgorithm minimum)
    {
        var digest = Reading.PkiDescriber.DescribeSignature(subject.CertificateStructure.SignatureAlgorithm).Digest;
        return digest != DigestAlgorithm.Unknown && digest < minimum;
    }

    public static void Check(IReadOnlyList<X509Certificate> path, X509Certificate? anchor, SignatureCache signatures, DigestAlgorithm minDigest, Findings findings)
    {
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var subject = path[i];
            var issuer = path[i + 1];
            if (CertificateRules.ForbiddenDigest(subject))
            {
                findings.Add(ChainProblemCode.ForbiddenSignatureDigest, subject,
                    $"signed with {Reading.PkiDescriber.DescribeSignature(subject.CertificateStructure.SignatureAlgorithm).Algorithm}, which never verifies", "RFC 6151 §2; RFC 5280 §4.1.1.2");
            }
            else if (!SameAlgorithm(subject))
            {
                findings.Add(ChainProblemCode.SignatureAlgorithmMismatch, subject,
                    "the signature algorithm inside the signed certificate differs from the outer one", "RFC 5280 §4.1.1.2");
            }
            else if (!signatures.Verifies(issuer, subject))
            {
                findings.Add(ChainProblemCode.BadSignature, subject,
                    $"the signature does not verify with the key of '{Certs.Describe(issuer)}'", "RFC 5280 §6.1.3(a)(1)");
            }
            else if (BelowMinimum(subject, minDigest))
            {
                var algorithm = Reading.PkiDescriber.DescribeSignature(subject.CertificateStructure.SignatureAlgorithm);
                findings.Add(ChainProblemCode.WeakSignatureDigest, subject,
                    $"the link to '{Certs.Describe(issuer)}' is signed with {algorithm.Digest.ToDisplayName()} ({algorithm.Algorithm}), below the minimum digest "
                    + $"{minDigest.ToDisplayName()}, and no other path met it: get a certificate signed with {minDigest.ToDisplayName()} (a renewed or cross-signed CA), or lower the minimum for a legacy folder",
                    "BR §7.1.3.2; NIST SP 800-131A Rev. 2 §9; the minimum digest");
            }
        }

        for (var i = 1; i < path.Count; i++)
        {
            CheckIssuer(path, i, ReferenceEquals(path[i], anchor), findings);
        }
    }

    private static void CheckIssuer(IReadOnlyList<X509Certificate> path, int i, bool isAnchor, Findings findings)
    {
        var issuer = path[i];
        if (issuer.Version < 3 && !isAnchor)
        {
            findings.Add(ChainProblemCode.V1Intermediate, issuer,
                $"a version {issuer.Version} certificate cannot be an intermediate CA (it has no basic constraints)", "RFC 5280 §6.1.4(k)");
            return;
        }

        int constraints;
        bool[]? usage;
        try
        {
            constraints = issuer.GetBasicConstraints();
            usage = issuer.GetKeyUsage();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidCastException or IOException)
        {
            return; // reported as MalformedExtension by CertificateRules
        }

        if (constraints < 0)
        {
            if (!(isAnchor && issuer.Version < 3))
            {
                findings.Add(ChainProblemCode.IssuerNotCa, issuer, "issues certificates but its basic constraints do not say cA=TRUE", "RFC 5280 §6.1.4(k), §4.2.1.9");
            }
        }
        else
        {
            // Self-issued certificates below do not count against pathLenConstraint (§6.1.4(l)); the leaf never does.
            var casBelow = Enumerable.Range(1, i - 1).Count(j => !Certs.IsSelfIssued(path[j]));
            if (constraints != int.MaxValue && casBelow > constraints)
            {
                findings.Add(ChainProblemCode.PathLengthExceeded, issuer,
                    $"pathLenConstraint {constraints} but {casBelow} CA certificate(s) below it", "RFC 5280 §6.1.4(l), (m)");
            }
        }

        if (usage is not null && (usage.Length <= 5 || !usage[5]))
        {
            findings.Add(ChainProblemCode.IssuerMissingKeyCertSign, issuer, "issues certificates but its key usage lacks keyCertSign", "RFC 5280 §6.1.4(n), §4.2.1.3");
        }
    }

    private static bool SameAlgorithm(X509Certificate c)
    {
        var outer = c.CertificateStructure.SignatureAlgorithm;
        var inner = c.CertificateStructure.TbsCertificate.Signature;
        if (!outer.Algorithm.Equals(inner.Algorithm))
        {
            return false;
        }

        // Absent and NULL parameters are the same (RFC 3279 §2.2.1 allows either for RSA in practice).
        var a = outer.Parameters is null or DerNull ? null : outer.Parameters.ToAsn1Object().GetDerEncoded();
        var b = inner.Parameters is null or DerNull ? null : inner.Parameters.ToAsn1Object().GetDerEncoded();
        return a is null ? b is null : b is not null && Org.BouncyCastle.Utilities.Arrays.AreEqual(a, b);
    }
}
