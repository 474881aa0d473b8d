using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Reading;

/// <summary>Certificates gathered from files and folders (bundles, PKCS#7 and PKCS#12 included), with what failed to load.</summary>
public sealed record CertificateSource(IReadOnlyList<(string Path, X509Certificate Certificate)> Certificates, IReadOnlyList<ReadError> Errors)
{
    /// <summary>
    /// Collects certificates from <paramref name="paths"/>: a named file that cannot be read is an error; inside a folder,
    /// files that are not PKI data are skipped silently.
    /// </summary>
    public static CertificateSource Collect(IEnumerable<string> paths, PkiReader reader)
    {
        var certificates = new List<(string, X509Certificate)>();
        var errors = new List<ReadError>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var (file, result) in new FolderReader(reader).ReadAll(path))
                {
                    certificates.AddRange(CertificatesOf(result).Select(c => (file.FullPath, c)));
                }

                continue;
            }

            var single = reader.ReadFile(path);
            if (single.Error is { } error)
            {
                errors.Add(error);
            }
            else
            {
                certificates.AddRange(CertificatesOf(single).Select(c => (path, c)));
            }
        }

        return new CertificateSource(certificates, errors);
    }

    /// <summary>Every certificate in a read result, including those inside PKCS#7 and PKCS#12 objects.</summary>
    public static IEnumerable<X509Certificate> CertificatesOf(ReadResult result) =>
        result.Objects.SelectMany(o => o switch
        {
            CertificateObject c => [c.Certificate],
            Pkcs7Object p7 => p7.Certificates,
            Pkcs12Object p12 => p12.Certificates,
            _ => Array.Empty<X509Certificate>(),
        });
}
