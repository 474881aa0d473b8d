using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Rules;

/// <summary>Small facts about a certificate that several rules share.</summary>
internal static class Certs
{
    public static bool IsSelfIssued(X509Certificate c) =>
        CertificatePool.NameKey(c.SubjectDN) == CertificatePool.NameKey(c.IssuerDN);

    // The issuer's SubjectPublicKeyInfo as a string key, once per certificate object (each build used to re-encode
    // the shared intermediate's key for every leaf).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<X509Certificate, string> SpkiKeys = new();

    /// <summary>The DER of the certificate's SubjectPublicKeyInfo as a string, the same for every certificate with the same key.</summary>
    public static string SpkiKey(X509Certificate c) =>
        SpkiKeys.GetValue(c, x => Convert.ToBase64String(x.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded()));

    // Key identifiers rank every candidate issuer of every build (KeyIdRank): decoded once per certificate object.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<X509Certificate, KeyIds> KeyIdCache = new();

    private sealed class KeyIds(byte[]? subject, byte[]? authority)
    {
        public byte[]? Subject { get; } = subject;

        public byte[]? Authority { get; } = authority;
    }

    private static KeyIds KeyIdsOf(X509Certificate c) => KeyIdCache.GetValue(c, x => new KeyIds(DecodeSubjectKeyId(x), DecodeAuthorityKeyId(x)));

    /// <summary>The subject key identifier, or null when absent or undecodable.</summary>
    public static byte[]? SubjectKeyId(X509Certificate c) => KeyIdsOf(c).Subject;

    /// <summary>The key identifier of the authority key identifier, or null when absent or undecodable.</summary>
    public static byte[]? AuthorityKeyId(X509Certificate c) => KeyIdsOf(c).Authority;

    private static byte[]? DecodeSubjectKeyId(X509Certificate c)
    {
        try
        {
            return c.GetExtensionValue(X509Extensions.SubjectKeyIdentifier) is { } v
                ? SubjectKeyIdentifier.GetInstance(Asn1Object.FromByteArray(v.GetOctets())).GetKeyIdentifier()
                : null;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[]? DecodeAuthorityKeyId(X509Certificate c)
    {
        try
        {
            return c.GetExtensionValue(X509Extensions.AuthorityKeyIdentifier) is { } v
                ? AuthorityKeyIdentifier.GetInstance(Asn1Object.FromByteArray(v.GetOctets())).KeyIdentifier?.GetOctets()
                : null;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="c"/> names itself as issuer and its key identifiers (when both present) agree,
    /// as openssl judges a root; no signature check (an anchor's own signature is not part of RFC 5280 §6.1).</summary>
    public static bool LooksSelfSigned(X509Certificate c)
    {
        if (!IsSelfIssued(c))
        {
            return false;
        }

        var aki = AuthorityKeyId(c);
        var ski = SubjectKeyId(c);
        return aki is null || ski is null || Org.BouncyCastle.Utilities.Arrays.AreEqual(aki, ski);
    }

    /// <summary>0 when the issuer's SKI equals the subject's AKI, 1 when either is absent, 2 when they differ.</summary>
    public static int KeyIdRank(X509Certificate subject, X509Certificate issuer)
    {
        var aki = AuthorityKeyId(subject);
        var ski = SubjectKeyId(issuer);
        if (aki is null || ski is null)
        {
            return 1;
        }

        return Org.BouncyCastle.Utilities.Arrays.AreEqual(aki, ski) ? 0 : 2;
    }

    /// <summary>True when cA=TRUE or the key usage has keyCertSign.</summary>
    public static bool IsCa(X509Certificate c)
    {
        var usage = c.GetKeyUsage();
        return c.GetBasicConstraints() >= 0 || (usage is not null && usage.Length > 5 && usage[5]);
    }

    public static string Describe(X509Certificate c) => Findings.Subject(c);

    public static string DescribeName(X509Name name) => Reading.PkiDescriber.DescribeName(name).OneLine;
}
