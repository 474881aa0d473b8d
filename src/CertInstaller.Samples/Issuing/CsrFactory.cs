using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace CertInstaller.Samples.Issuing;

/// <summary>Builds PKCS#10 certificate signing requests, including deliberately broken ones for tests.</summary>
public static class CsrFactory
{
    /// <summary>A CSR for <paramref name="keys"/> signed with its private key.</summary>
    public static Pkcs10CertificationRequest Create(CsrSpec spec, AsymmetricCipherKeyPair keys)
    {
        Asn1Set? attributes = null;
        var extensions = new X509ExtensionsGenerator();
        if (spec.Sans.Count > 0)
        {
            extensions.AddExtension(X509Extensions.SubjectAlternativeName, false, CertificateFactory.GeneralNamesOf(spec.Sans));
        }

        if (spec.ExtendedKeyUsages.Count > 0)
        {
            extensions.AddExtension(X509Extensions.ExtendedKeyUsage, false,
                new ExtendedKeyUsage(spec.ExtendedKeyUsages.Select(e => new DerObjectIdentifier(ExtendedKeyUsages.ToOid(e)))));
        }

        if (!extensions.IsEmpty)
        {
            attributes = new DerSet(new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest, new DerSet(extensions.Generate())));
        }

        var algorithm = SignatureAlgorithms.NameFor(spec.Digest, keys.Private, pss: false);
        return new Pkcs10CertificationRequest(
            new Asn1SignatureFactory(algorithm, keys.Private, new SecureRandom()), new X509Name(spec.Subject), keys.Public, attributes);
    }

    /// <summary>The same request with one bit of its signature flipped, so the signature no longer verifies.</summary>
    public static Pkcs10CertificationRequest WithBrokenSignature(Pkcs10CertificationRequest csr)
    {
        var structure = CertificationRequest.GetInstance(Asn1Object.FromByteArray(csr.GetEncoded()));
        var signature = structure.Signature.GetOctets();
        signature[signature.Length / 2] ^= 0x01;
        var broken = new CertificationRequest(structure.GetCertificationRequestInfo(), structure.SignatureAlgorithm, new DerBitString(signature));
        return new Pkcs10CertificationRequest(broken.GetEncoded());
    }
}
