using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>What to request: the subject in order, the SANs, the digest, and the extensions IC's certificates need.</summary>
public sealed record CsrRequest(IReadOnlyList<SubjectAttribute> Subject, IReadOnlyList<SubjectAltName> Sans)
{
    /// <summary>The signature digest (SHA-256 unless the admin or the cnf's default_md says otherwise).</summary>
    public DigestAlgorithm Digest { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>Requested EKUs; IC's single third-party certificate serves TLS both ways.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages { get; init; } = [Pki.ExtendedKeyUsages.ServerAuth, Pki.ExtendedKeyUsages.ClientAuth];

    /// <summary>Requested key usage; null picks digitalSignature (plus keyEncipherment for RSA).</summary>
    public KeyUsageFlags? KeyUsage { get; init; }
}

/// <summary>Builds a PKCS#10 request signed with the admin's private key (BouncyCastle does the encoding).</summary>
public static class CsrCreator
{
    /// <summary>The CSR for <paramref name="keys"/>: subject in the given order, SANs, basicConstraints CA:FALSE, key usage and EKUs.</summary>
    public static Pkcs10CertificationRequest Create(CsrRequest request, AsymmetricCipherKeyPair keys)
    {
        var extensions = new X509ExtensionsGenerator();
        extensions.AddExtension(X509Extensions.BasicConstraints, false, new BasicConstraints(false));
        var usage = request.KeyUsage ?? (keys.Private is RsaKeyParameters
            ? KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment
            : KeyUsageFlags.DigitalSignature);
        if (usage != KeyUsageFlags.None)
        {
            extensions.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage((int)usage));
        }

        if (request.ExtendedKeyUsages.Count > 0)
        {
            extensions.AddExtension(X509Extensions.ExtendedKeyUsage, false,
                new ExtendedKeyUsage(request.ExtendedKeyUsages.Select(e => new DerObjectIdentifier(Pki.ExtendedKeyUsages.ToOid(e)))));
        }

        if (request.Sans.Count > 0)
        {
            extensions.AddExtension(X509Extensions.SubjectAlternativeName, false, new GeneralNames(request.Sans.Select(GeneralNameOf).ToArray()));
        }

        var attributes = new DerSet(new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest, new DerSet(extensions.Generate())));
        return new Pkcs10CertificationRequest(
            new Asn1SignatureFactory(SignatureName(request.Digest, keys.Private), keys.Private, new SecureRandom()),
            NameOf(request.Subject), keys.Public, attributes);
    }

    /// <summary>The subject as an X.509 name, attributes in the given order (C as PrintableString, emailAddress as IA5String, the rest UTF8String, as openssl's utf8only mask does).</summary>
    public static X509Name NameOf(IReadOnlyList<SubjectAttribute> subject) =>
        new(subject.Select(a => new DerObjectIdentifier(a.Type.Oid)).ToList(),
            // BouncyCastle's entry converter reads a leading '#' as hex and drops a leading '\': escape both.
            subject.Select(a => a.Value.Length > 0 && a.Value[0] is '#' or '\\' ? "\\" + a.Value : a.Value).ToList());

    private static GeneralName GeneralNameOf(SubjectAltName san) => san.Type switch
    {
        SanType.Dns => new GeneralName(GeneralName.DnsName, san.Value),
        SanType.Ip => new GeneralName(GeneralName.IPAddress, san.Value),
        SanType.Email => new GeneralName(GeneralName.Rfc822Name, san.Value),
        SanType.Uri => new GeneralName(GeneralName.UniformResourceIdentifier, san.Value),
        _ => throw new ArgumentException($"cannot request a SAN of type {san.TypeName}", nameof(san)),
    };

    private static string SignatureName(DigestAlgorithm digest, AsymmetricKeyParameter key)
    {
        var d = digest switch
        {
            DigestAlgorithm.Sha1 => "SHA1",
            DigestAlgorithm.Sha224 => "SHA224",
            DigestAlgorithm.Sha256 => "SHA256",
            DigestAlgorithm.Sha384 => "SHA384",
            DigestAlgorithm.Sha512 => "SHA512",
            _ => throw new ArgumentException($"cannot sign a CSR with {digest.ToDisplayName()}; use SHA-256, SHA-384 or SHA-512", nameof(digest)),
        };
        return key switch
        {
            RsaKeyParameters => d + "WITHRSA",
            ECPrivateKeyParameters => d + "WITHECDSA",
            _ => throw new ArgumentException($"cannot sign a CSR with a {PkiDescriber.DescribeKey(key).Algorithm} key; use RSA or EC", nameof(key)),
        };
    }
}
