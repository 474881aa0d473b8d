namespace CertInstaller.Core.Pki.Reading;

/// <summary>OpenSSL's short names for name attributes, signature algorithms, curves and extensions.</summary>
internal static class OidNames
{
    public static readonly IReadOnlyDictionary<string, string> Attributes = new Dictionary<string, string>
    {
        ["2.5.4.6"] = "C", ["2.5.4.8"] = "ST", ["2.5.4.7"] = "L", ["2.5.4.10"] = "O", ["2.5.4.11"] = "OU",
        ["2.5.4.3"] = "CN", ["1.2.840.113549.1.9.1"] = "emailAddress", ["2.5.4.5"] = "serialNumber",
        ["0.9.2342.19200300.100.1.25"] = "DC", ["0.9.2342.19200300.100.1.1"] = "UID", ["2.5.4.9"] = "street",
        ["2.5.4.12"] = "title", ["2.5.4.42"] = "GN", ["2.5.4.4"] = "SN", ["2.5.4.17"] = "postalCode",
        ["2.5.4.46"] = "dnQualifier", ["2.5.4.65"] = "pseudonym", ["2.5.4.43"] = "initials",
        ["2.5.4.15"] = "businessCategory", ["2.5.4.97"] = "organizationIdentifier",
        // EV certificates' jurisdiction of incorporation, named as openssl names them.
        ["1.3.6.1.4.1.311.60.2.1.1"] = "jurisdictionL", ["1.3.6.1.4.1.311.60.2.1.2"] = "jurisdictionST",
        ["1.3.6.1.4.1.311.60.2.1.3"] = "jurisdictionC",
    };

    public static readonly IReadOnlyDictionary<string, (string Name, DigestAlgorithm Digest)> Signatures =
        new Dictionary<string, (string, DigestAlgorithm)>
        {
            ["1.2.840.113549.1.1.2"] = ("md2WithRSAEncryption", DigestAlgorithm.Md2),
            ["1.2.840.113549.1.1.3"] = ("md4WithRSAEncryption", DigestAlgorithm.Md4),
            ["1.2.840.113549.1.1.4"] = ("md5WithRSAEncryption", DigestAlgorithm.Md5),
            ["1.2.840.113549.1.1.5"] = ("sha1WithRSAEncryption", DigestAlgorithm.Sha1),
            ["1.3.14.3.2.29"] = ("sha1WithRSA", DigestAlgorithm.Sha1),
            ["1.2.840.113549.1.1.14"] = ("sha224WithRSAEncryption", DigestAlgorithm.Sha224),
            ["1.2.840.113549.1.1.11"] = ("sha256WithRSAEncryption", DigestAlgorithm.Sha256),
            ["1.2.840.113549.1.1.12"] = ("sha384WithRSAEncryption", DigestAlgorithm.Sha384),
            ["1.2.840.113549.1.1.13"] = ("sha512WithRSAEncryption", DigestAlgorithm.Sha512),
            ["1.2.840.113549.1.1.10"] = ("rsassaPss", DigestAlgorithm.Sha1),
            ["1.2.840.10045.4.1"] = ("ecdsa-with-SHA1", DigestAlgorithm.Sha1),
            ["1.2.840.10045.4.3.1"] = ("ecdsa-with-SHA224", DigestAlgorithm.Sha224),
            ["1.2.840.10045.4.3.2"] = ("ecdsa-with-SHA256", DigestAlgorithm.Sha256),
            ["1.2.840.10045.4.3.3"] = ("ecdsa-with-SHA384", DigestAlgorithm.Sha384),
            ["1.2.840.10045.4.3.4"] = ("ecdsa-with-SHA512", DigestAlgorithm.Sha512),
            ["1.3.101.112"] = ("ED25519", DigestAlgorithm.Sha512),
            ["1.3.101.113"] = ("ED448", DigestAlgorithm.Shake256),
            ["1.2.840.10040.4.3"] = ("dsaWithSHA1", DigestAlgorithm.Sha1),
            ["2.16.840.1.101.3.4.3.1"] = ("dsa_with_SHA224", DigestAlgorithm.Sha224),
            ["2.16.840.1.101.3.4.3.2"] = ("dsa_with_SHA256", DigestAlgorithm.Sha256),
        };

    public static readonly IReadOnlyDictionary<string, DigestAlgorithm> Digests = new Dictionary<string, DigestAlgorithm>
    {
        ["1.2.840.113549.2.5"] = DigestAlgorithm.Md5, ["1.3.14.3.2.26"] = DigestAlgorithm.Sha1,
        ["2.16.840.1.101.3.4.2.4"] = DigestAlgorithm.Sha224, ["2.16.840.1.101.3.4.2.1"] = DigestAlgorithm.Sha256,
        ["2.16.840.1.101.3.4.2.2"] = DigestAlgorithm.Sha384, ["2.16.840.1.101.3.4.2.3"] = DigestAlgorithm.Sha512,
    };

    public static readonly IReadOnlyDictionary<string, string> Curves = new Dictionary<string, string>
    {
        ["1.2.840.10045.3.1.7"] = "P-256", ["1.3.132.0.34"] = "P-384", ["1.3.132.0.35"] = "P-521",
        ["1.3.132.0.33"] = "P-224", ["1.2.840.10045.3.1.1"] = "P-192", ["1.3.132.0.10"] = "secp256k1",
    };

    public static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>
    {
        ["2.5.29.17"] = "subjectAltName", ["2.5.29.15"] = "keyUsage", ["2.5.29.37"] = "extendedKeyUsage",
        ["2.5.29.19"] = "basicConstraints", ["2.5.29.14"] = "subjectKeyIdentifier", ["2.5.29.35"] = "authorityKeyIdentifier",
    };

    public static string Or(this IReadOnlyDictionary<string, string> names, string oid) => names.TryGetValue(oid, out var n) ? n : oid;
}
