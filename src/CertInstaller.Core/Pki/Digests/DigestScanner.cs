using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Pki.Digests;

/// <summary>Classifies the signature digest of every certificate and CSR under a folder, recursively.</summary>
public static class DigestScanner
{
    /// <summary>Builds the report from files already read (see <see cref="FolderReader"/>).</summary>
    public static DigestReport Classify(IReadOnlyList<(SourceFile File, ReadResult Result)> files, DigestPolicy policy)
    {
        var entries = new List<DigestEntry>();
        var unreadable = new List<(SourceFile, ReadError)>();
        foreach (var (file, result) in files)
        {
            if (result.Error is { } error)
            {
                unreadable.Add((file, error));
                continue;
            }

            entries.AddRange(ClassifyFile(file, result, policy));
        }

        return new DigestReport(policy, entries, unreadable);
    }

    /// <summary>The entries of one file read without error: its certificates (bundles, PKCS#7 and PKCS#12 included), then its CSRs.</summary>
    public static IReadOnlyList<DigestEntry> ClassifyFile(SourceFile file, ReadResult result, DigestPolicy policy)
    {
        var entries = new List<DigestEntry>();
        foreach (var certificate in CertificateSource.CertificatesOf(result))
        {
            var signature = PkiDescriber.DescribeSignature(certificate.CertificateStructure.SignatureAlgorithm);
            var subject = PkiDescriber.DescribeName(certificate.SubjectDN).OneLine;
            entries.Add(new DigestEntry(file, "certificate", subject, signature, policy.Accepts(signature.Digest)) { Certificate = certificate });
        }

        foreach (var csr in result.Objects.OfType<CsrObject>())
        {
            var signature = PkiDescriber.DescribeSignature(csr.Request.SignatureAlgorithm);
            var subject = PkiDescriber.DescribeName(csr.Request.GetCertificationRequestInfo().Subject).OneLine;
            entries.Add(new DigestEntry(file, "csr", subject, signature, policy.Accepts(signature.Digest)));
        }

        return entries;
    }

    /// <summary>Reads and classifies every file under <paramref name="directory"/>.</summary>
    public static DigestReport Scan(string directory, DigestPolicy policy, PkiReader reader) =>
        Classify(new FolderReader(reader).ReadAll(directory), policy);
}
