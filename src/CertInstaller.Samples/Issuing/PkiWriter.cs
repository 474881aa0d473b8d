using Org.BouncyCastle.Asn1;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using CmsObjectIdentifiers = Org.BouncyCastle.Asn1.Cms.CmsObjectIdentifiers;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;
using PemWriter = Org.BouncyCastle.OpenSsl.PemWriter;

namespace CertInstaller.Samples.Issuing;

/// <summary>Encodes certificates, CSRs, private keys, PKCS#12 and PKCS#7 files as PEM text or DER bytes.</summary>
public static class PkiWriter
{
    /// <summary>One certificate as PEM ("CERTIFICATE").</summary>
    public static string CertificatePem(X509Certificate certificate) => Pem(certificate);

    /// <summary>Several certificates as concatenated PEM blocks, in the given order.</summary>
    public static string CertificatesPem(IEnumerable<X509Certificate> certificates) =>
        string.Concat(certificates.Select(CertificatePem));

    /// <summary>One certificate as DER.</summary>
    public static byte[] CertificateDer(X509Certificate certificate) => certificate.GetEncoded();

    /// <summary>A CSR as PEM; <paramref name="newLabel"/> writes "NEW CERTIFICATE REQUEST" (as Windows certreq does).</summary>
    public static string CsrPem(Pkcs10CertificationRequest csr, bool newLabel = false) =>
        Pem(new PemObject(newLabel ? "NEW CERTIFICATE REQUEST" : "CERTIFICATE REQUEST", csr.GetEncoded()));

    /// <summary>A public key as PEM (SubjectPublicKeyInfo), the form of IC's *PublicKey.bin files.</summary>
    public static string PublicKeyPem(AsymmetricKeyParameter publicKey) => Pem(publicKey);

    /// <summary>A CSR as DER.</summary>
    public static byte[] CsrDer(Pkcs10CertificationRequest csr) => csr.GetEncoded();

    /// <summary>A private key as PEM in <paramref name="format"/>; encrypted formats need <paramref name="password"/>.</summary>
    public static string PrivateKeyPem(AsymmetricKeyParameter privateKey, KeyFormat format, string? password = null) => format switch
    {
        KeyFormat.Pkcs1 => Pem(privateKey),
        KeyFormat.Pkcs8 => Pem(new Pkcs8Generator(privateKey)),
        KeyFormat.EncryptedPkcs8 => Pem(new Pkcs8Generator(privateKey, Pkcs8Generator.PbeWithShaAnd3KeyTripleDesCbc)
        {
            Password = Required(password, format).ToCharArray(),
            IterationCount = 2048,
            SecureRandom = new SecureRandom(),
        }),
        KeyFormat.LegacyEncrypted => Pem(new MiscPemGenerator(privateKey, "AES-256-CBC", Required(password, format).ToCharArray(), new SecureRandom())),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown key format"),
    };

    /// <summary>A private key as DER: PKCS#1/SEC1, PKCS#8, or encrypted PKCS#8 (needs <paramref name="password"/>).</summary>
    public static byte[] PrivateKeyDer(AsymmetricKeyParameter privateKey, KeyFormat format, string? password = null) => format switch
    {
        KeyFormat.Pkcs1 => PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).ParsePrivateKey().GetEncoded(),
        KeyFormat.Pkcs8 => PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetEncoded(),
        KeyFormat.EncryptedPkcs8 => new Pkcs8Generator(privateKey, Pkcs8Generator.PbeWithShaAnd3KeyTripleDesCbc)
        {
            Password = Required(password, format).ToCharArray(),
            IterationCount = 2048,
            SecureRandom = new SecureRandom(),
        }.Generate().Content,
        _ => throw new ArgumentException($"{format} has no DER form", nameof(format)),
    };

    /// <summary>A password-protected PKCS#12 file holding <paramref name="certificate"/>, its key and the rest of the chain.</summary>
    public static byte[] Pkcs12(
        X509Certificate certificate, AsymmetricKeyParameter privateKey, IEnumerable<X509Certificate> chain, string password, string alias = "certificate")
    {
        var store = new Pkcs12StoreBuilder()
            .SetCertAlgorithm(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc)
            .SetKeyAlgorithm(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc)
            .SetUseDerEncoding(true)
            .Build();
        var entries = new[] { certificate }.Concat(chain).Select(c => new X509CertificateEntry(c)).ToArray();
        store.SetKeyEntry(alias, new AsymmetricKeyEntry(privateKey), entries);
        using var stream = new MemoryStream();
        store.Save(stream, password.ToCharArray(), new SecureRandom());
        return stream.ToArray();
    }

    /// <summary>A certificates-only PKCS#7 (CMS SignedData) bundle as DER, certificates in the given order.</summary>
    public static byte[] Pkcs7Der(IEnumerable<X509Certificate> certificates)
    {
        var certs = new DLSet(certificates.Select(c => (Asn1Encodable)c.CertificateStructure).ToArray());
        var signedData = new SignedData(new DerSet(), new ContentInfo(CmsObjectIdentifiers.Data, null), certs, null, new DerSet());
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded();
    }

    /// <summary>A certificates-only PKCS#7 bundle as PEM ("PKCS7").</summary>
    public static string Pkcs7Pem(IEnumerable<X509Certificate> certificates) => Pem(new PemObject("PKCS7", Pkcs7Der(certificates)));

    private static string Required(string? password, KeyFormat format) =>
        string.IsNullOrEmpty(password) ? throw new ArgumentException($"{format} needs a password", nameof(password)) : password!;

    private static string Pem(object value)
    {
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(value);
        writer.Writer.Flush();
        return text.ToString();
    }
}
