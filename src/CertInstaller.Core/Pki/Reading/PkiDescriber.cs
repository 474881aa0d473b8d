using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Reading;

/// <summary>Describes certificates, CSRs and keys in the terms OpenSSL uses.</summary>
public static partial class PkiDescriber
{
    /// <summary>Describes a certificate.</summary>
    public static CertificateDescription Describe(X509Certificate certificate)
    {
        var der = certificate.GetEncoded();
        var extensions = certificate.CertificateStructure.TbsCertificate.Extensions;
        var subject = DescribeName(certificate.SubjectDN);
        var issuer = DescribeName(certificate.IssuerDN);
        return new CertificateDescription(
            subject,
            issuer,
            SerialHex(certificate.SerialNumber),
            new DateTimeOffset(DateTime.SpecifyKind(certificate.NotBefore.ToUniversalTime(), DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(certificate.NotAfter.ToUniversalTime(), DateTimeKind.Utc)),
            Sans(extensions),
            DescribePublicKey(certificate.CertificateStructure.SubjectPublicKeyInfo),
            DescribeSignature(certificate.CertificateStructure.SignatureAlgorithm),
            Constraints(extensions),
            Usage(extensions),
            Ekus(extensions),
            Extension(extensions, X509Extensions.SubjectKeyIdentifier) is { } ski ? Hex(SubjectKeyIdentifier.GetInstance(ski).GetKeyIdentifier()) : null,
            Extension(extensions, X509Extensions.AuthorityKeyIdentifier) is { } aki && AuthorityKeyIdentifier.GetInstance(aki).KeyIdentifier is { } id
                ? Hex(id.GetOctets()) : null,
            certificate.SubjectDN.Equivalent(certificate.IssuerDN, true),
            FingerprintsOf(der));
    }

    /// <summary>Describes a CSR and checks its self-signature.</summary>
    public static CsrDescription Describe(Pkcs10CertificationRequest request)
    {
        var info = request.GetCertificationRequestInfo();
        var extensions = RequestedExtensions(info);
        bool valid;
        try
        {
            valid = request.Verify();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            valid = false;
        }

        return new CsrDescription(
            DescribeName(info.Subject),
            Sans(extensions),
            DescribePublicKey(info.SubjectPublicKeyInfo),
            DescribeSignature(request.SignatureAlgorithm),
            valid,
            extensions?.ExtensionOids.Select(o => OidNames.Extensions.Or(o.Id)).ToList() ?? [],
            Ekus(extensions),
            FingerprintsOf(request.GetEncoded()));
    }

    /// <summary>
    /// Describes how a PKCS#12 file is protected: friendly names, key and certificate encryption, MAC. Reads only the
    /// unencrypted structure (no password needed); null when <paramref name="der"/> is not a PKCS#12 file.
    /// </summary>
    public static Pkcs12Description? DescribePkcs12(byte[] der)
    {
        try
        {
            var pfx = Pfx.GetInstance(Asn1Object.FromByteArray(der));
            var names = new List<string>();
            string? keyEncryption = null;
            string? certificateEncryption = null;
            var safe = AuthenticatedSafe.GetInstance(Asn1Object.FromByteArray(Asn1OctetString.GetInstance(pfx.AuthSafe.Content).GetOctets()));
            foreach (var info in safe.GetContentInfo())
            {
                if (info.ContentType.Equals(PkcsObjectIdentifiers.EncryptedData))
                {
                    certificateEncryption ??= PbeName(Org.BouncyCastle.Asn1.Pkcs.EncryptedData.GetInstance(info.Content).EncryptionAlgorithm);
                    continue;
                }

                if (!info.ContentType.Equals(PkcsObjectIdentifiers.Data))
                {
                    continue;
                }

                foreach (var element in Asn1Sequence.GetInstance(Asn1Object.FromByteArray(Asn1OctetString.GetInstance(info.Content).GetOctets())))
                {
                    var bag = SafeBag.GetInstance(element);
                    if (bag.BagID.Equals(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag))
                    {
                        keyEncryption ??= PbeName(EncryptedPrivateKeyInfo.GetInstance(bag.BagValue).EncryptionAlgorithm);
                    }
                    else if (bag.BagID.Equals(PkcsObjectIdentifiers.KeyBag))
                    {
                        keyEncryption ??= "none";
                    }
                    else if (bag.BagID.Equals(PkcsObjectIdentifiers.CertBag))
                    {
                        certificateEncryption ??= "none";
                    }

                    foreach (var attribute in bag.BagAttributes?.Cast<Asn1Encodable>() ?? [])
                    {
                        var a = AttributePkcs.GetInstance(attribute);
                        if (a.AttrType.Equals(PkcsObjectIdentifiers.Pkcs9AtFriendlyName) && a.AttrValues.Count > 0 && a.AttrValues[0] is IAsn1String name
                            && bag.BagID.Equals(PkcsObjectIdentifiers.Pkcs8ShroudedKeyBag) | bag.BagID.Equals(PkcsObjectIdentifiers.KeyBag))
                        {
                            names.Add(name.GetString());
                        }
                    }
                }
            }

            var mac = pfx.MacData;
            return new Pkcs12Description(names, keyEncryption, certificateEncryption,
                mac is null ? null : OidNames.Digests.TryGetValue(mac.Mac.DigestAlgorithm.Algorithm.Id, out var d) ? d.ToDisplayName() : mac.Mac.DigestAlgorithm.Algorithm.Id,
                mac is null ? null : mac.IterationCount.IntValue);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Describes the public half of a private or public key.</summary>
    public static PublicKeyDescription DescribeKey(AsymmetricKeyParameter key) =>
        DescribePublicKey(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key.IsPrivate ? KeyMatcher.PublicOf(key) : key));

    /// <summary>Describes a distinguished name.</summary>
    public static NameDescription DescribeName(X509Name name)
    {
        var attributes = new List<NameAttribute>();
        var rdns = new List<string>();
        foreach (var rdn in Asn1Sequence.GetInstance(name.ToAsn1Object()))
        {
            var parts = new List<string>();
            foreach (var element in Asn1Set.GetInstance(rdn))
            {
                var atv = Asn1Sequence.GetInstance(element);
                var oid = DerObjectIdentifier.GetInstance(atv[0]).Id;
                var value = atv[1] is IAsn1String text && atv[1] is not DerBitString ? text.GetString() : "#" + Hex(atv[1].GetEncoded(), string.Empty);
                var type = OidNames.Attributes.Or(oid);
                attributes.Add(new NameAttribute(type, oid, value));
                parts.Add($"{type} = {Escape(value)}");
            }

            rdns.Add(string.Join(" + ", parts));
        }

        return new NameDescription(string.Join(", ", rdns), attributes);
    }

    /// <summary>Describes a SubjectPublicKeyInfo.</summary>
    public static PublicKeyDescription DescribePublicKey(SubjectPublicKeyInfo info)
    {
        var oid = info.Algorithm.Algorithm.Id;
        switch (oid)
        {
            case "1.2.840.113549.1.1.1":
            case "1.2.840.113549.1.1.10":
                var rsa = RsaPublicKeyStructure.GetInstance(info.ParsePublicKey());
                return new PublicKeyDescription(oid.EndsWith(".10", StringComparison.Ordinal) ? "RSA-PSS" : "RSA", rsa.Modulus.BitLength, null);
            case "1.2.840.10045.2.1":
                var ec = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(info);
                var curveOid = info.Algorithm.Parameters is DerObjectIdentifier named ? named.Id : null;
                var curve = curveOid is null ? null
                    : OidNames.Curves.TryGetValue(curveOid, out var n) ? n : ECNamedCurveTable.GetName(new DerObjectIdentifier(curveOid)) ?? curveOid;
                return new PublicKeyDescription("EC", ec.Parameters.Curve.FieldSize, curve);
            case "1.3.101.112":
                return new PublicKeyDescription("Ed25519", 256, null);
            case "1.3.101.113":
                return new PublicKeyDescription("Ed448", 456, null);
            case "1.2.840.10040.4.1":
                return new PublicKeyDescription("DSA", ((DsaPublicKeyParameters)PublicKeyFactory.CreateKey(info)).Parameters.P.BitLength, null);
            default:
                return new PublicKeyDescription(oid, 0, null);
        }
    }

    /// <summary>Describes a signature algorithm identifier, including the digest inside RSA-PSS parameters.</summary>
    public static SignatureDescription DescribeSignature(AlgorithmIdentifier algorithm)
    {
        var oid = algorithm.Algorithm.Id;
        if (!OidNames.Signatures.TryGetValue(oid, out var known))
        {
            return new SignatureDescription(oid, oid, DigestAlgorithm.Unknown);
        }

        if (oid == "1.2.840.113549.1.1.10" && algorithm.Parameters is Asn1Sequence pss)
        {
            var hash = RsassaPssParameters.GetInstance(pss).HashAlgorithm.Algorithm.Id;
            return new SignatureDescription(known.Name, oid, OidNames.Digests.TryGetValue(hash, out var d) ? d : DigestAlgorithm.Unknown);
        }

        return new SignatureDescription(known.Name, oid, known.Digest);
    }

    /// <summary>SHA-1 and SHA-256 fingerprints of DER bytes.</summary>
    /// <remarks>BouncyCastle's digests, not the BCL's: on Linux the first BCL hash loads and initialises OpenSSL, which
    /// was a third of a whole `certharness inspect` process (bench/profile.sh-style callgrind count) and 4 MB of its memory.</remarks>
    public static Fingerprints FingerprintsOf(byte[] der) =>
        new(Hex(Digest(new Org.BouncyCastle.Crypto.Digests.Sha1Digest(), der), string.Empty).ToLowerInvariant(),
            Hex(Digest(new Org.BouncyCastle.Crypto.Digests.Sha256Digest(), der), string.Empty).ToLowerInvariant());

    private static byte[] Digest(Org.BouncyCastle.Crypto.IDigest digest, byte[] data)
    {
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }
}
