using System.Net;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Reading;

// The helpers of PkiDescriber (moved here unchanged to keep files under 300 lines): names of PBE schemes, hex and escaping,
// and reading the extensions (SANs, basic constraints, key usage, EKUs, a CSR's requested extensions).
public static partial class PkiDescriber
{
    // OpenSSL's names for the PKCS#12 password-based encryption schemes.
    private static string PbeName(AlgorithmIdentifier algorithm)
    {
        var oid = algorithm.Algorithm.Id;
        if (algorithm.Algorithm.Equals(PkcsObjectIdentifiers.IdPbeS2))
        {
            var p = PbeS2Parameters.GetInstance(algorithm.Parameters);
            var kdf = Pbkdf2Params.GetInstance(p.KeyDerivationFunc.Parameters);
            var prf = kdf.Prf.Algorithm.Id switch
            {
                "1.2.840.113549.2.7" => "hmacWithSHA1",
                "1.2.840.113549.2.9" => "hmacWithSHA256",
                "1.2.840.113549.2.10" => "hmacWithSHA384",
                "1.2.840.113549.2.11" => "hmacWithSHA512",
                var other => other,
            };
            var cipher = p.EncryptionScheme.Algorithm.Id switch
            {
                "2.16.840.1.101.3.4.1.2" => "AES-128-CBC",
                "2.16.840.1.101.3.4.1.22" => "AES-192-CBC",
                "2.16.840.1.101.3.4.1.42" => "AES-256-CBC",
                "1.2.840.113549.3.7" => "DES-EDE3-CBC",
                var other => other,
            };
            return $"PBES2, PBKDF2 {prf}, {cipher}, {kdf.IterationCount.IntValue} iterations";
        }

        var iterations = oid.StartsWith("1.2.840.113549.1.12.1.", StringComparison.Ordinal) ? $", {Pkcs12PbeParams.GetInstance(algorithm.Parameters).Iterations.IntValue} iterations" : string.Empty;
        return (oid switch
        {
            "1.2.840.113549.1.12.1.1" => "pbeWithSHA1And128BitRC4",
            "1.2.840.113549.1.12.1.2" => "pbeWithSHA1And40BitRC4",
            "1.2.840.113549.1.12.1.3" => "pbeWithSHA1And3-KeyTripleDES-CBC",
            "1.2.840.113549.1.12.1.4" => "pbeWithSHA1And2-KeyTripleDES-CBC",
            "1.2.840.113549.1.12.1.5" => "pbeWithSHA1And128BitRC2-CBC",
            "1.2.840.113549.1.12.1.6" => "pbeWithSHA1And40BitRC2-CBC",
            _ => oid,
        }) + iterations;
    }

    internal static string Hex(byte[] bytes, string separator = ":") =>
        BitConverter.ToString(bytes).Replace("-", separator);

    private static string SerialHex(Org.BouncyCastle.Math.BigInteger serial)
    {
        var hex = serial.Abs().ToString(16).ToUpperInvariant();
        return (hex.Length % 2 == 1 ? "0" + hex : hex) is var h && serial.SignValue < 0 ? "-" + h : h;
    }

    private static string Escape(string value)
    {
        var b = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ' || c == '\u007F')
            {
                // A control character (a newline or escape sequence in a crafted subject) is written \0A, as OpenSSL does:
                // a name printed anywhere stays one line and cannot drive a terminal.
                b.Append('\\').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            if (",+\"\\<>;".IndexOf(c) >= 0 || (i == 0 && (c == '#' || c == ' ')) || (i == value.Length - 1 && c == ' '))
            {
                b.Append('\\');
            }

            b.Append(c);
        }

        return b.ToString();
    }

    private static Asn1Object? Extension(X509Extensions? extensions, DerObjectIdentifier oid) =>
        extensions?.GetExtension(oid) is { } ext ? Asn1Object.FromByteArray(ext.Value.GetOctets()) : null;

    private static IReadOnlyList<SubjectAltName> Sans(X509Extensions? extensions)
    {
        if (Extension(extensions, X509Extensions.SubjectAlternativeName) is not { } value)
        {
            return [];
        }

        return GeneralNames.GetInstance(value).GetNames().Select(ToSan).ToList();
    }

    private static SubjectAltName ToSan(GeneralName name)
    {
        switch (name.TagNo)
        {
            case GeneralName.DnsName:
                return new SubjectAltName(SanType.Dns, ((IAsn1String)name.Name).GetString());
            case GeneralName.Rfc822Name:
                return new SubjectAltName(SanType.Email, ((IAsn1String)name.Name).GetString());
            case GeneralName.UniformResourceIdentifier:
                return new SubjectAltName(SanType.Uri, ((IAsn1String)name.Name).GetString());
            case GeneralName.IPAddress:
                var bytes = Asn1OctetString.GetInstance(name.Name).GetOctets();
                return bytes.Length is 4 or 16
                    ? new SubjectAltName(SanType.Ip, new IPAddress(bytes).ToString())
                    : new SubjectAltName(SanType.Other, "IP:" + Hex(bytes));
            default:
                return new SubjectAltName(SanType.Other, name.ToString());
        }
    }

    private static BasicConstraintsDescription? Constraints(X509Extensions? extensions) =>
        Extension(extensions, X509Extensions.BasicConstraints) is { } value && BasicConstraints.GetInstance(value) is var bc
            ? new BasicConstraintsDescription(bc.IsCA(), bc.IsCA() && bc.PathLenConstraint is { } p ? p.IntValue : null)
            : null;

    private static KeyUsageFlags? Usage(X509Extensions? extensions) =>
        Extension(extensions, X509Extensions.KeyUsage) is { } value ? (KeyUsageFlags)KeyUsage.GetInstance(value).IntValue : null;

    private static IReadOnlyList<string> Ekus(X509Extensions? extensions) =>
        Extension(extensions, X509Extensions.ExtendedKeyUsage) is { } value
            ? ExtendedKeyUsage.GetInstance(value).GetAllUsages().Select(o => Pki.ExtendedKeyUsages.ToName(o.Id)).ToList()
            : [];

    private static X509Extensions? RequestedExtensions(CertificationRequestInfo info)
    {
        foreach (var element in info.Attributes?.Cast<Asn1Encodable>() ?? [])
        {
            var attribute = AttributePkcs.GetInstance(element);
            if (attribute.AttrType.Equals(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest) && attribute.AttrValues.Count > 0)
            {
                return X509Extensions.GetInstance(attribute.AttrValues[0]);
            }
        }

        return null;
    }
}
