using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Reading;

/// <summary>Recognises a DER object by its ASN.1 shape (parsed by BouncyCastle) and decodes it.</summary>
internal static class DerClassifier
{
    private const string SignedDataOid = "1.2.840.113549.1.7.2";

    public static PkiObject Read(byte[] data, bool pem, string? password)
    {
        var sequence = ParseSequence(data);
        var first = sequence.Count > 0 ? sequence[0] : null;
        switch (first)
        {
            case DerInteger version when version.HasValue(3) && sequence.Count >= 2 && sequence[1] is Asn1Sequence:
                return ReadPkcs12(data, password);
            case DerInteger version when version.HasValue(0) && sequence.Count >= 9:
                return new PrivateKeyObject(PrivateKeyFactory.CreateKey(
                    new PrivateKeyInfo(new AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance), sequence)), KeyFormat.Pkcs1, pem);
            case DerInteger version when version.HasValue(0) && sequence.Count >= 3 && sequence[1] is Asn1Sequence && sequence[2] is Asn1OctetString:
                return new PrivateKeyObject(PrivateKeyFactory.CreateKey(PrivateKeyInfo.GetInstance(sequence)), KeyFormat.Pkcs8, pem);
            case DerInteger version when version.HasValue(1) && sequence.Count >= 2 && sequence[1] is Asn1OctetString:
                return new PrivateKeyObject(ReadSec1(sequence), KeyFormat.Pkcs1, pem);
            case DerInteger when sequence.Count == 2 && sequence[1] is DerInteger:
                // PKCS#1 RSAPublicKey: { modulus, publicExponent } (openssl rsa -RSAPublicKey_out -outform DER).
                return new PublicKeyObject(KeyDecoder.ReadRsaPublicKey(sequence), pem);
            case DerObjectIdentifier oid when oid.Id == SignedDataOid:
                return ReadPkcs7(data, pem);
            case DerObjectIdentifier oid:
                throw new PkiReadException(ReadErrorCode.NotPki, $"a PKCS#7/CMS structure of type {oid.Id}, not a certificate bundle",
                    "expected a certificates-only PKCS#7 (signedData) bundle");
            case Asn1Sequence when sequence.Count == 2 && sequence[1] is Asn1OctetString:
                return new PrivateKeyObject(KeyDecoder.DecryptPkcs8(data, password), KeyFormat.EncryptedPkcs8, pem);
            case Asn1Sequence inner when sequence.Count == 3 && sequence[2] is DerBitString:
                return IsRequestInfo(inner)
                    ? new CsrObject(new Pkcs10CertificationRequest(data), pem)
                    : new CertificateObject(new X509Certificate(X509CertificateStructure.GetInstance(sequence)), pem);
            case Asn1Sequence when sequence.Count == 2 && sequence[1] is DerBitString:
                return new PublicKeyObject(PublicKeyFactory.CreateKey(SubjectPublicKeyInfo.GetInstance(sequence)), pem);
            default:
                throw NotPki();
        }
    }

    public static Pkcs7Object ReadPkcs7(byte[] data, bool pem)
    {
        var info = Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(ParseSequence(data));
        if (info.ContentType.Id != SignedDataOid)
        {
            throw new PkiReadException(ReadErrorCode.NotPki, $"PKCS#7 of type {info.ContentType.Id}, not signedData", "expected a certificate bundle");
        }

        var signed = Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(info.Content);
        var certificates = new List<X509Certificate>();
        foreach (var element in signed.Certificates?.Cast<Asn1Encodable>() ?? [])
        {
            if (element.ToAsn1Object() is Asn1Sequence)
            {
                certificates.Add(new X509Certificate(X509CertificateStructure.GetInstance(element)));
            }
        }

        return new Pkcs7Object(certificates, pem);
    }

    private static Pkcs12Object ReadPkcs12(byte[] data, string? password)
    {
        var store = new Pkcs12StoreBuilder().Build();
        try
        {
            using var stream = new MemoryStream(data);
            store.Load(stream, (password ?? string.Empty).ToCharArray());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (e.Message.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || e.Message.IndexOf("MAC", StringComparison.Ordinal) >= 0
                || e is Org.BouncyCastle.Crypto.InvalidCipherTextException)
            {
                throw string.IsNullOrEmpty(password) ? KeyDecoder.PasswordRequired("PKCS#12 file") : KeyDecoder.WrongPassword("PKCS#12 file");
            }

            throw;
        }

        var certificates = new List<X509Certificate>();
        var keys = new List<Org.BouncyCastle.Crypto.AsymmetricKeyParameter>();
        foreach (var alias in store.Aliases)
        {
            if (store.IsKeyEntry(alias))
            {
                keys.Add(store.GetKey(alias).Key);
                foreach (var entry in store.GetCertificateChain(alias) ?? [])
                {
                    Add(certificates, entry.Certificate);
                }
            }
        }

        foreach (var alias in store.Aliases)
        {
            if (store.IsCertificateEntry(alias) && store.GetCertificate(alias) is { } entry)
            {
                Add(certificates, entry.Certificate);
            }
        }

        return new Pkcs12Object(certificates, keys);
    }

    private static void Add(List<X509Certificate> certificates, X509Certificate certificate)
    {
        if (!certificates.Any(c => c.Equals(certificate)))
        {
            certificates.Add(certificate);
        }
    }

    private static Org.BouncyCastle.Crypto.AsymmetricKeyParameter ReadSec1(Asn1Sequence sequence)
    {
        var structure = ECPrivateKeyStructure.GetInstance(sequence);
        var parameters = structure.Parameters
            ?? throw new PkiReadException(ReadErrorCode.Malformed, "the EC private key names no curve", "export the key as PKCS#8");
        return PrivateKeyFactory.CreateKey(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, parameters), structure));
    }

    private static bool IsRequestInfo(Asn1Sequence inner) =>
        inner.Count >= 3 && inner[0] is DerInteger && inner[1] is Asn1Sequence name && (name.Count == 0 || name[0] is Asn1Set);

    private static Asn1Sequence ParseSequence(byte[] data)
    {
        Asn1Object parsed;
        using (var stream = new MemoryStream(data))
        using (var input = new Asn1InputStream(stream, data.Length))
        {
            try
            {
                parsed = input.ReadObject() ?? throw NotPki();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
            {
                throw LooksLikeDer(data)
                    ? new PkiReadException(ReadErrorCode.Malformed, "truncated or malformed DER: " + PkiReader.Brief(e.Message), "the file is incomplete or corrupted; copy or export it again")
                    : NotPki();
            }

            if (parsed is not Asn1Sequence)
            {
                throw NotPki();
            }

            if (stream.Position != data.Length && data.Skip((int)stream.Position).Any(b => b != 0 && b != (byte)'\r' && b != (byte)'\n'))
            {
                throw new PkiReadException(ReadErrorCode.Malformed, $"{data.Length - stream.Position} unexpected byte(s) after the DER object",
                    "the file holds trailing data; export it again");
            }
        }

        return parsed as Asn1Sequence ?? throw NotPki();
    }

    private static bool LooksLikeDer(byte[] data) => data.Length >= 2 && data[0] == 0x30;

    private static PkiReadException NotPki() =>
        new(ReadErrorCode.NotPki, "not a PEM file and not a recognised DER structure",
            "expected a certificate, CSR, private key, PKCS#12 or PKCS#7 file (PEM or DER)");
}
