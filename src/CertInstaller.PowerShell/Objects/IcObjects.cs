using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.PowerShell.Objects;

/// <summary>Turns Core's parsed PKI objects into the module's output objects (Core's describer does the reading).</summary>
internal static class IcObjects
{
    public static IcCertificate Certificate(X509Certificate certificate, string path, int index, string container)
    {
        var d = PkiDescriber.Describe(certificate);
        return new IcCertificate(path, index, d.Subject.OneLine, d.Issuer.OneLine, d.Serial, d.NotBefore.UtcDateTime, d.NotAfter.UtcDateTime,
            d.Fingerprints.Sha1, d.Fingerprints.Sha256, d.Signature.Algorithm, d.Signature.Digest.ToDisplayName(), d.PublicKey.Algorithm,
            d.PublicKey.Bits, Dns(d.Sans), d.BasicConstraints?.IsCa ?? false, d.SelfIssued, container);
    }

    /// <summary>Every object of a file read without error, in file order.</summary>
    public static IEnumerable<object> Of(ReadResult result)
    {
        var index = 0;
        foreach (var o in result.Objects)
        {
            switch (o)
            {
                case CertificateObject c:
                    yield return Certificate(c.Certificate, result.Path, index, "Certificate");
                    break;
                case Pkcs7Object p7:
                    foreach (var c in p7.Certificates)
                    {
                        yield return Certificate(c, result.Path, index++, "Pkcs7");
                    }

                    continue;
                case CsrObject r:
                    var csr = PkiDescriber.Describe(r.Request);
                    yield return new IcCertificateRequest(result.Path, index, csr.Subject.OneLine, Dns(csr.Sans), csr.PublicKey.Algorithm,
                        csr.PublicKey.Bits, csr.Signature.Algorithm, csr.SignatureValid);
                    break;
                case PrivateKeyObject k:
                    var key = PkiDescriber.DescribeKey(k.Key);
                    yield return new IcKey(result.Path, index, "PrivateKey", key.Algorithm, key.Bits, key.Curve, k.Format.ToString(), k.Pem);
                    break;
                case PublicKeyObject pk:
                    var pub = PkiDescriber.DescribeKey(pk.Key);
                    yield return new IcKey(result.Path, index, "PublicKey", pub.Algorithm, pub.Bits, pub.Curve, "SubjectPublicKeyInfo", pk.Pem);
                    break;
                case Pkcs12Object p12:
                    yield return new IcPkcs12(result.Path, p12.Certificates.Select((c, i) => Certificate(c, result.Path, i, "Pkcs12")).ToArray(), p12.Keys.Count);
                    break;
            }

            index++;
        }
    }

    private static string[] Dns(IReadOnlyList<SubjectAltName> sans) => sans.Where(s => s.Type == SanType.Dns).Select(s => s.Value).ToArray();
}
