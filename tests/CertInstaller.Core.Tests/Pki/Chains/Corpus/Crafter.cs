using CertInstaller.Samples.Issuing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

/// <summary>What to put in a crafted certificate, including the defects CertificateSpec cannot express.</summary>
internal sealed record Craft
{
    public required string Subject { get; init; }
    public BigInteger? Serial { get; init; }
    public int Version { get; init; } = 3;
    public Time? NotBefore { get; init; }
    public Time? NotAfter { get; init; }
    public bool Ca { get; init; }
    public int? PathLength { get; init; }
    public bool BasicConstraints { get; init; } = true;
    /// <summary>KeyUsage bits (BouncyCastle KeyUsage constants); null picks by role, 0 omits.</summary>
    public int? KeyUsage { get; init; }
    public string[] Eku { get; init; } = [];
    public GeneralName[] Sans { get; init; } = [];
    public bool SanCritical { get; init; }
    public GeneralSubtree[]? Permitted { get; init; }
    public GeneralSubtree[]? Excluded { get; init; }
    public bool NameConstraintsCritical { get; init; } = true;
    public bool EmptyNameConstraints { get; init; }
    public bool Ski { get; init; } = true;
    public bool Aki { get; init; } = true;
    public bool SkiCritical { get; init; }
    public bool AkiCritical { get; init; }
    public (string Oid, bool Critical, byte[] Value)[] Extra { get; init; } = [];
    public string? Digest { get; init; }
    /// <summary>Signature algorithm written inside the TBS when it should differ from the one used to sign.</summary>
    public string? InnerAlgorithm { get; init; }
    /// <summary>Public key written into the certificate instead of the subject key pair's (explicit EC parameters).</summary>
    public SubjectPublicKeyInfo? PublicKeyInfo { get; init; }

    public static Craft CaNamed(string subject, int? pathLength = null) => new() { Subject = subject, Ca = true, PathLength = pathLength };

    public static Craft Server(string host) => new()
    {
        Subject = $"O=Corpus, CN={host}",
        Sans = [new GeneralName(GeneralName.DnsName, host)],
        Eku = ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"],
    };
}

/// <summary>Builds certificates with BouncyCastle's TBS generators so tests can craft any defect.</summary>
internal static class Crafter
{
    public static readonly DateTime Start = Fixtures.Start.UtcDateTime;

    public static AsymmetricCipherKeyPair Key(string name, KeySpec? spec = null) => Fixtures.Key("corpus/" + name, spec ?? KeySpec.EcP256);

    public static IssuedCertificate SelfSigned(Craft spec, AsymmetricCipherKeyPair keys) => Make(spec, keys, null);

    public static IssuedCertificate Issue(Craft spec, AsymmetricCipherKeyPair keys, IssuedCertificate issuer) => Make(spec, keys, issuer);

    public static IssuedCertificate Make(Craft spec, AsymmetricCipherKeyPair keys, IssuedCertificate? issuer)
    {
        var signer = issuer?.Keys ?? keys;
        var issuerName = issuer?.Certificate.SubjectDN ?? new X509Name(spec.Subject);
        var algorithm = spec.Digest ?? (signer.Private is RsaKeyParameters ? "SHA256WITHRSA" : "SHA256WITHECDSA");
        var factory = new Asn1SignatureFactory(algorithm, signer.Private);
        var outer = (AlgorithmIdentifier)factory.AlgorithmDetails;
        var inner = spec.InnerAlgorithm is null ? outer : (AlgorithmIdentifier)new Asn1SignatureFactory(spec.InnerAlgorithm, signer.Private).AlgorithmDetails;
        var serial = new DerInteger(spec.Serial ?? new BigInteger(1, Org.BouncyCastle.Security.DigestUtilities.CalculateDigest("SHA-256",
            System.Text.Encoding.UTF8.GetBytes(spec.Subject + "|" + keys.GetHashCode() + "|" + Guid.NewGuid())), 0, 16));
        var notBefore = spec.NotBefore ?? new Time(Start);
        var notAfter = spec.NotAfter ?? new Time(Start.AddYears(5));
        var spki = spec.PublicKeyInfo ?? SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(keys.Public);
        TbsCertificateStructure tbs;
        if (spec.Version == 1)
        {
            var v1 = new V1TbsCertificateGenerator();
            v1.SetSerialNumber(serial);
            v1.SetSignature(inner);
            v1.SetIssuer(issuerName);
            v1.SetStartDate(notBefore);
            v1.SetEndDate(notAfter);
            v1.SetSubject(new X509Name(spec.Subject));
            v1.SetSubjectPublicKeyInfo(spki);
            tbs = v1.GenerateTbsCertificate();
        }
        else
        {
            var v3 = new V3TbsCertificateGenerator();
            v3.SetSerialNumber(serial);
            v3.SetSignature(inner);
            v3.SetIssuer(issuerName);
            v3.SetStartDate(notBefore);
            v3.SetEndDate(notAfter);
            v3.SetSubject(new X509Name(spec.Subject));
            v3.SetSubjectPublicKeyInfo(spki);
            v3.SetExtensions(Extensions(spec, keys, issuer));
            tbs = v3.GenerateTbsCertificate();
        }

        var calculator = factory.CreateCalculator();
        using (var stream = calculator.Stream)
        {
            tbs.EncodeTo(stream, Asn1Encodable.Der);
        }

        var signature = calculator.GetResult().Collect();
        var structure = X509CertificateStructure.GetInstance(new DerSequence(tbs, outer, new DerBitString(signature)));
        return new IssuedCertificate(new X509Certificate(structure), keys);
    }

    private static X509Extensions Extensions(Craft spec, AsymmetricCipherKeyPair keys, IssuedCertificate? issuer)
    {
        var g = new X509ExtensionsGenerator();
        if (spec.BasicConstraints)
        {
            g.AddExtension(X509Extensions.BasicConstraints, true,
                spec.Ca ? (spec.PathLength is { } p ? new BasicConstraints(p) : new BasicConstraints(true)) : new BasicConstraints(false));
        }

        var usage = spec.KeyUsage ?? (spec.Ca
            ? Org.BouncyCastle.Asn1.X509.KeyUsage.KeyCertSign | Org.BouncyCastle.Asn1.X509.KeyUsage.CrlSign | Org.BouncyCastle.Asn1.X509.KeyUsage.DigitalSignature
            : Org.BouncyCastle.Asn1.X509.KeyUsage.DigitalSignature | Org.BouncyCastle.Asn1.X509.KeyUsage.KeyEncipherment);
        if (usage != 0)
        {
            g.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(usage));
        }

        if (spec.Eku.Length > 0)
        {
            g.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(spec.Eku.Select(e => new DerObjectIdentifier(e))));
        }

        if (spec.Sans.Length > 0)
        {
            g.AddExtension(X509Extensions.SubjectAlternativeName, spec.SanCritical, new GeneralNames(spec.Sans));
        }

        if (spec.Permitted is not null || spec.Excluded is not null || spec.EmptyNameConstraints)
        {
            // Built as ASN.1 objects, not through NameConstraints, so tests can write an empty (malformed) subtree sequence.
            var v = new Asn1EncodableVector();
            if (spec.Permitted is not null)
            {
                v.Add(new DerTaggedObject(false, 0, new DerSequence(spec.Permitted)));
            }

            if (spec.Excluded is not null)
            {
                v.Add(new DerTaggedObject(false, 1, new DerSequence(spec.Excluded)));
            }

            g.AddExtension(X509Extensions.NameConstraints, spec.NameConstraintsCritical, new DerSequence(v));
        }

        if (spec.Ski)
        {
            g.AddExtension(X509Extensions.SubjectKeyIdentifier, spec.SkiCritical, new SubjectKeyIdentifier(CertificateFactory.KeyIdentifier(keys.Public)));
        }

        if (spec.Aki)
        {
            g.AddExtension(X509Extensions.AuthorityKeyIdentifier, spec.AkiCritical,
                new AuthorityKeyIdentifier(CertificateFactory.KeyIdentifier((issuer?.Keys ?? keys).Public)));
        }

        foreach (var (oid, critical, value) in spec.Extra)
        {
            g.AddExtension(new DerObjectIdentifier(oid), critical, value);
        }

        return g.Generate();
    }

    public static GeneralSubtree Dns(string name) => new(new GeneralName(GeneralName.DnsName, name));

    public static GeneralSubtree Email(string name) => new(new GeneralName(GeneralName.Rfc822Name, name));

    public static GeneralSubtree Uri(string name) => new(new GeneralName(GeneralName.UniformResourceIdentifier, name));

    public static GeneralSubtree Dn(string name) => new(new GeneralName(new X509Name(name)));

    /// <summary>An iPAddress subtree from address and mask bytes (8 octets for IPv4, 32 for IPv6).</summary>
    public static GeneralSubtree Ip(byte[] addressAndMask) => new(new GeneralName(GeneralName.IPAddress, new DerOctetString(addressAndMask)));

    public static GeneralName SanDns(string name) => new(GeneralName.DnsName, name);

    public static GeneralName SanIp(string ip) => new(GeneralName.IPAddress, ip);
}
