using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertInstaller.Samples.Issuing;

/// <summary>Builds X.509 v3 certificates from a <see cref="CertificateSpec"/>: self-signed or issued by a CA.</summary>
public static class CertificateFactory
{
    /// <summary>A self-signed certificate for <paramref name="keys"/>.</summary>
    public static IssuedCertificate SelfSigned(CertificateSpec spec, AsymmetricCipherKeyPair keys)
    {
        var name = new X509Name(spec.Subject);
        var cert = Build(spec, keys.Public, name, keys.Private, keys.Public, issuerSki: null);
        return new IssuedCertificate(cert, keys);
    }

    /// <summary>A certificate for <paramref name="subjectKeys"/> signed by <paramref name="issuer"/>.</summary>
    public static IssuedCertificate Issue(CertificateSpec spec, AsymmetricCipherKeyPair subjectKeys, IssuedCertificate issuer)
    {
        var issuerSki = issuer.Certificate.GetExtensionValue(X509Extensions.SubjectKeyIdentifier) is { } ski
            ? SubjectKeyIdentifier.GetInstance(Asn1Object.FromByteArray(ski.GetOctets())).GetKeyIdentifier()
            : null;
        var cert = Build(spec, subjectKeys.Public, issuer.Certificate.SubjectDN, issuer.Keys.Private, issuer.Keys.Public, issuerSki);
        return new IssuedCertificate(cert, subjectKeys);
    }

    /// <summary>The SHA-1 key identifier of a public key (RFC 5280 method 1, as OpenSSL computes it).</summary>
    public static byte[] KeyIdentifier(AsymmetricKeyParameter publicKey)
    {
        var info = Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey);
        var bits = info.PublicKey.GetBytes();
        var sha1 = new Sha1Digest();
        sha1.BlockUpdate(bits, 0, bits.Length);
        var id = new byte[sha1.GetDigestSize()];
        sha1.DoFinal(id, 0);
        return id;
    }

    private static X509Certificate Build(
        CertificateSpec spec,
        AsymmetricKeyParameter subjectPublic,
        X509Name issuerName,
        AsymmetricKeyParameter issuerPrivate,
        AsymmetricKeyParameter issuerPublic,
        byte[]? issuerSki)
    {
        var notBefore = spec.NotBefore ?? new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);
        var notAfter = spec.NotAfter ?? notBefore.AddYears(2);
        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(spec.Serial is { } s ? BigInteger.ValueOf(s) : DerivedSerial(spec.Subject, notBefore));
        gen.SetIssuerDN(issuerName);
        gen.SetSubjectDN(new X509Name(spec.Subject));
        gen.SetNotBefore(notBefore.UtcDateTime);
        gen.SetNotAfter(notAfter.UtcDateTime);
        gen.SetPublicKey(subjectPublic);

        gen.AddExtension(X509Extensions.BasicConstraints, true,
            spec.IsCa ? (spec.PathLength is { } p ? new BasicConstraints(p) : new BasicConstraints(true)) : new BasicConstraints(false));
        var usage = spec.KeyUsage ?? (spec.IsCa
            ? KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign | KeyUsageFlags.DigitalSignature
            : KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment);
        if (usage != KeyUsageFlags.None)
        {
            gen.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage((int)usage));
        }

        if (spec.ExtendedKeyUsages.Count > 0)
        {
            gen.AddExtension(X509Extensions.ExtendedKeyUsage, false,
                new ExtendedKeyUsage(spec.ExtendedKeyUsages.Select(e => new DerObjectIdentifier(ExtendedKeyUsages.ToOid(e)))));
        }

        if (spec.Sans.Count > 0)
        {
            gen.AddExtension(X509Extensions.SubjectAlternativeName, false, GeneralNamesOf(spec.Sans));
        }

        if (spec.SubjectKeyIdentifier)
        {
            gen.AddExtension(X509Extensions.SubjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyIdentifier(subjectPublic)));
        }

        if (spec.AuthorityKeyIdentifier)
        {
            gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
                new AuthorityKeyIdentifier(issuerSki ?? KeyIdentifier(issuerPublic)));
        }

        var algorithm = SignatureAlgorithms.NameFor(spec.Digest, issuerPrivate, spec.RsaPss);
        return gen.Generate(new Asn1SignatureFactory(algorithm, issuerPrivate, new SecureRandom()));
    }

    internal static GeneralNames GeneralNamesOf(IEnumerable<SubjectAltName> sans) =>
        new(sans.Select(san => san.Type switch
        {
            SanType.Dns => new GeneralName(GeneralName.DnsName, san.Value),
            SanType.Ip => new GeneralName(GeneralName.IPAddress, san.Value),
            SanType.Email => new GeneralName(GeneralName.Rfc822Name, san.Value),
            SanType.Uri => new GeneralName(GeneralName.UniformResourceIdentifier, san.Value),
            _ => throw new ArgumentException($"cannot encode a SAN of type {san.Type}", nameof(sans)),
        }).ToArray());

    private static BigInteger DerivedSerial(string subject, DateTimeOffset notBefore)
    {
        var bytes = Encoding.UTF8.GetBytes(subject + "|" + notBefore.UtcTicks);
        var sha = new Sha256Digest();
        sha.BlockUpdate(bytes, 0, bytes.Length);
        var hash = new byte[32];
        sha.DoFinal(hash, 0);
        return new BigInteger(1, hash, 0, 16);
    }
}
