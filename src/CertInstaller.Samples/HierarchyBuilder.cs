using CertInstaller.Samples.Issuing;

namespace CertInstaller.Samples;

/// <summary>Writes a large root → intermediate → leaf hierarchy, the benchmark folder for digests and chain verification.</summary>
public static class HierarchyBuilder
{
    /// <summary>
    /// Writes <paramref name="leafCount"/> leaf certificates under a shared root → intermediate hierarchy into
    /// <paramref name="root"/> (100 per subfolder) plus root.cer and intermediate.cer; returns the root certificate path.
    /// </summary>
    public static string Build(string root, int leafCount, KeyCache? keys = null)
    {
        var cache = keys ?? KeyCache.Shared;
        var anchor = CertificateFactory.SelfSigned(CertificateSpec.Ca("C=US, O=Bench, CN=Bench Root"), cache.Get(KeySpec.Rsa2048, "bench/root"));
        var intermediate = CertificateFactory.Issue(
            CertificateSpec.Ca("C=US, O=Bench, CN=Bench Intermediate", 0), cache.Get(KeySpec.Rsa2048, "bench/intermediate"), anchor);
        var leafKeys = cache.Get(KeySpec.Rsa2048, "bench/leaf");
        Write(root, "root.cer", PkiWriter.CertificatePem(anchor.Certificate));
        Write(root, "intermediate.cer", PkiWriter.CertificatePem(intermediate.Certificate));
        for (var i = 0; i < leafCount; i++)
        {
            var leaf = CertificateFactory.Issue(
                CertificateSpec.Leaf($"C=US, O=Bench, OU=Leaves, CN=host{i:D5}.bench.test", SubjectAltName.Dns($"host{i:D5}.bench.test"))
                    with { Serial = 1000 + i },
                leafKeys, intermediate);
            Write(root, $"leaves{i / 100:D3}/host{i:D5}.cer", PkiWriter.CertificatePem(leaf.Certificate));
        }

        return Path.Combine(root, "root.cer");
    }

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
