using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;

namespace CertInstaller.Core.Pki.Issuing;

/// <summary>
/// Writes realistic sample PKI folders: an IC self-signed certificates folder (ServerGroup root, IC CA,
/// subsystem certificates) and a large shared hierarchy for benchmarks.
/// </summary>
public static class SampleFolderBuilder
{
    /// <summary>Writes an IC-like certificates folder under <paramref name="root"/> (created when missing).</summary>
    public static SampleFolder BuildIcFolder(string root, SampleFolderOptions? options = null)
    {
        var o = options ?? new SampleFolderOptions();
        var files = new List<string>();
        var server = o.ServerName;
        var org = "C=US, O=Example Site, OU=Interaction Center";

        var sgKeys = o.Keys.Get(KeySpec.Rsa2048, "sample/servergroup");
        var serverGroup = CertificateFactory.SelfSigned(
            CertificateSpec.Ca($"{org}, OU=ServerGroup, CN=ServerGroup {server}") with { NotBefore = o.NotBefore }, sgKeys);
        var caKeys = o.Keys.Get(KeySpec.Rsa2048, "sample/icca");
        var icCa = CertificateFactory.Issue(
            CertificateSpec.Ca($"{org}, OU=ICCertificateAuthority, CN={server} IC Certificate Authority", 0) with { NotBefore = o.NotBefore },
            caKeys, serverGroup);

        Write(files, root, "ServerGroup/ServerGroupCertificate.cer", PkiWriter.CertificatePem(serverGroup.Certificate));
        Write(files, root, "ServerGroup/ServerGroupPrivateKey.bin", PkiWriter.PrivateKeyPem(sgKeys.Private, KeyFormat.Pkcs1));
        Write(files, root, "ServerGroup/ServerGroupPublicKey.bin", PublicPem(sgKeys.Public));
        Write(files, root, $"ICCertificateAuthority/{server}_ICCertificateAuthorityCertificate.cer", PkiWriter.CertificatePem(icCa.Certificate));
        Write(files, root, $"ICCertificateAuthority/{server}_ICCertificateAuthorityPrivateKey.bin", PkiWriter.PrivateKeyPem(caKeys.Private, KeyFormat.Pkcs8));
        Write(files, root, $"ICCertificateAuthority/{server}_ICCertificateAuthorityPublicKey.bin", PublicPem(caKeys.Public));

        var subsystems = new Dictionary<string, IssuedCertificate>();
        var local = "Client/Local_Subsystems";
        foreach (var (use, digest) in Uses(o.IncludeSha1Certificate))
        {
            var keys = o.Keys.Get(KeySpec.Rsa2048, "sample/" + use);
            var leaf = CertificateFactory.Issue(
                CertificateSpec.Leaf($"{org}, OU={use}, CN={server}", SubjectAltName.Dns(o.Fqdn), SubjectAltName.Dns(server))
                    with { Digest = digest, NotBefore = o.NotBefore },
                keys, icCa);
            subsystems[use] = leaf;
            Write(files, root, $"{local}/{server}_{use}Certificate.cer", PkiWriter.CertificatePem(leaf.Certificate));
            Write(files, root, $"{local}/{server}_{use}PrivateKey.bin", PkiWriter.PrivateKeyPem(keys.Private, KeyFormat.Pkcs1));
        }

        Write(files, root, $"{local}/{server}_TrustedCertificate.cer", PkiWriter.CertificatePem(serverGroup.Certificate));
        return new SampleFolder(root, serverGroup, icCa, subsystems, files);
    }

    /// <summary>
    /// Writes <paramref name="leafCount"/> leaf certificates under a shared root → intermediate hierarchy into
    /// <paramref name="root"/> (100 per subfolder) plus root.cer and intermediate.cer; returns the root certificate path.
    /// </summary>
    public static string BuildHierarchy(string root, int leafCount, KeyCache? keys = null)
    {
        var cache = keys ?? KeyCache.Shared;
        var anchor = CertificateFactory.SelfSigned(CertificateSpec.Ca("C=US, O=Bench, CN=Bench Root"), cache.Get(KeySpec.Rsa2048, "bench/root"));
        var intermediate = CertificateFactory.Issue(
            CertificateSpec.Ca("C=US, O=Bench, CN=Bench Intermediate", 0), cache.Get(KeySpec.Rsa2048, "bench/intermediate"), anchor);
        var leafKeys = cache.Get(KeySpec.Rsa2048, "bench/leaf");
        var files = new List<string>();
        Write(files, root, "root.cer", PkiWriter.CertificatePem(anchor.Certificate));
        Write(files, root, "intermediate.cer", PkiWriter.CertificatePem(intermediate.Certificate));
        for (var i = 0; i < leafCount; i++)
        {
            var leaf = CertificateFactory.Issue(
                CertificateSpec.Leaf($"C=US, O=Bench, OU=Leaves, CN=host{i:D5}.bench.test", SubjectAltName.Dns($"host{i:D5}.bench.test"))
                    with { Serial = 1000 + i },
                leafKeys, intermediate);
            Write(files, root, $"leaves{i / 100:D3}/host{i:D5}.cer", PkiWriter.CertificatePem(leaf.Certificate));
        }

        return Path.Combine(root, "root.cer");
    }

    private static IEnumerable<(string Use, DigestAlgorithm Digest)> Uses(bool sha1)
    {
        yield return ("Server", DigestAlgorithm.Sha256);
        yield return ("Client", DigestAlgorithm.Sha256);
        if (sha1)
        {
            yield return ("Legacy", DigestAlgorithm.Sha1);
        }
    }

    private static string PublicPem(AsymmetricKeyParameter publicKey)
    {
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(publicKey);
        writer.Writer.Flush();
        return text.ToString();
    }

    private static void Write(List<string> files, string root, string relative, string content)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        files.Add(path);
    }
}
