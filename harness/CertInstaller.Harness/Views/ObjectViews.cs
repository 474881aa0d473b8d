using System.Globalization;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Harness.Views;

/// <summary>Builds <see cref="ObjectView"/>s from what Core read and described.</summary>
internal static class ObjectViews
{
    public static ObjectView Of(PkiObject obj, string? file, int? index, IReadOnlyList<(string Label, X509Certificate Certificate)> knownCertificates) =>
        obj switch
        {
            CertificateObject c => Certificate(c.Certificate) with { File = file, Index = index, Encoding = Enc(c.Pem) },
            CsrObject r => Csr(PkiDescriber.Describe(r.Request)) with { File = file, Index = index, Encoding = Enc(r.Pem) },
            PrivateKeyObject k => Key(k.Key, k.Format, knownCertificates) with { File = file, Index = index, Encoding = Enc(k.Pem) },
            PublicKeyObject p => new ObjectView { Kind = "publicKey", File = file, Index = index, Encoding = Enc(p.Pem), PublicKey = Key(PkiDescriber.DescribeKey(p.Key)) },
            Pkcs12Object p12 => Pkcs12(p12, file is null ? null : PkiDescriber.DescribePkcs12(File.ReadAllBytes(file))) with { File = file, Index = index },
            Pkcs7Object p7 => new ObjectView
            {
                Kind = "pkcs7", File = file, Index = index, Encoding = Enc(p7.Pem), Certificates = p7.Certificates.Select(Certificate).ToList(),
            },
            _ => new ObjectView { Kind = obj.Kind.ToString(), File = file, Index = index },
        };

    /// <summary>A PKCS#12 file: its certificates and keys, whether the first key matches the first certificate (absent when
    /// there is no key), and, when <paramref name="protection"/> is known, the friendly name and encryption.</summary>
    public static ObjectView Pkcs12(Pkcs12Object p12, Pkcs12Description? protection) => new()
    {
        Kind = "pkcs12",
        Encoding = "DER",
        Certificates = p12.Certificates.Select(Certificate).ToList(),
        Keys = p12.Keys.Select(k => Key(k, null, [])).ToList(),
        HasKey = p12.Keys.Count > 0,
        KeyMatchesCertificate = p12.Keys.Count > 0 && p12.Certificates.Count > 0 ? KeyMatcher.Matches(p12.Keys[0], p12.Certificates[0].GetPublicKey()) : null,
        FriendlyName = protection?.FriendlyNames.FirstOrDefault(),
        Encryption = protection is null ? null : new Pkcs12EncryptionView(protection.KeyEncryption, protection.CertificateEncryption, protection.MacDigest, protection.MacIterations),
    };

    public static ObjectView Certificate(X509Certificate certificate)
    {
        var d = PkiDescriber.Describe(certificate);
        return new ObjectView
        {
            Kind = "certificate",
            Subject = d.Subject.OneLine,
            SubjectAttributes = Attributes(d.Subject),
            Issuer = d.Issuer.OneLine,
            Serial = d.Serial,
            NotBefore = Iso(d.NotBefore),
            NotAfter = Iso(d.NotAfter),
            Sans = Sans(d.Sans),
            PublicKey = Key(d.PublicKey),
            Signature = Signature(d.Signature),
            BasicConstraints = d.BasicConstraints is { } bc ? new BasicConstraintsView(bc.IsCa, bc.PathLength) : null,
            KeyUsage = d.KeyUsage is { } ku ? Usages(ku) : null,
            ExtendedKeyUsage = d.ExtendedKeyUsages.Count > 0 ? d.ExtendedKeyUsages : null,
            SubjectKeyId = d.SubjectKeyId,
            AuthorityKeyId = d.AuthorityKeyId,
            SelfIssued = d.SelfIssued,
            Fingerprints = new FingerprintsView(d.Fingerprints.Sha1, d.Fingerprints.Sha256),
        };
    }

    public static ObjectView Csr(CsrDescription d) => new()
    {
        Kind = "csr",
        Subject = d.Subject.OneLine,
        SubjectAttributes = Attributes(d.Subject),
        Sans = Sans(d.Sans),
        PublicKey = Key(d.PublicKey),
        Signature = Signature(d.Signature),
        SignatureValid = d.SignatureValid,
        RequestedExtensions = d.RequestedExtensions,
        ExtendedKeyUsage = d.ExtendedKeyUsages.Count > 0 ? d.ExtendedKeyUsages : null,
        Fingerprints = new FingerprintsView(d.Fingerprints.Sha1, d.Fingerprints.Sha256),
    };

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static SignatureView Signature(SignatureDescription s) => new(s.Algorithm, s.Digest.ToDisplayName());

    private static ObjectView Key(AsymmetricKeyParameter key, KeyFormat? format, IReadOnlyList<(string Label, X509Certificate Certificate)> known) => new()
    {
        Kind = "privateKey",
        Format = format switch
        {
            KeyFormat.Pkcs1 => "traditional (PKCS#1/SEC1)",
            KeyFormat.Pkcs8 => "PKCS#8",
            KeyFormat.EncryptedPkcs8 => "encrypted PKCS#8",
            KeyFormat.LegacyEncrypted => "legacy encrypted PEM",
            _ => null,
        },
        PublicKey = Key(PkiDescriber.DescribeKey(key)),
        MatchingCertificates = format is null ? null : known.Where(k => KeyMatcher.Matches(key, k.Certificate)).Select(k => k.Label).ToList(),
    };

    private static PublicKeyView Key(PublicKeyDescription k) => new(k.Algorithm, k.Bits, k.Curve);

    private static string? Enc(bool pem) => pem ? "PEM" : "DER";

    private static IReadOnlyList<AttributeView> Attributes(NameDescription name) => name.Attributes.Select(a => new AttributeView(a.Type, a.Value)).ToList();

    private static IReadOnlyList<SanView> Sans(IReadOnlyList<SubjectAltName> sans) => sans.Select(s => new SanView(s.TypeName, s.Value)).ToList();

    private static IReadOnlyList<string> Usages(KeyUsageFlags flags) => KeyUsageNames.Of(flags);
}
