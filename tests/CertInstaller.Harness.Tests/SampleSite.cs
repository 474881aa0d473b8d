using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;
using CertInstaller.Samples;

namespace CertInstaller.Harness.Tests;

/// <summary>Generated inputs shared by the harness tests: an IC folder plus loose files named after their content or defect.</summary>
internal sealed class SampleSite : IDisposable
{
    public const string Password = "s3cret-pw";
    private static readonly Lazy<SampleSite> Instance = new(() => new SampleSite());

    private readonly TempDir _dir = new("ci-harness-");

    private SampleSite()
    {
        Folder = new IcFolderBuilder().BuildServer(IcDir, new IcFolderSpec { Server = "IC1", Domain = "example.test", LegacySha1Certificate = true, WriteMap = false });
        var keys = KeyCache.Shared.Get(KeySpec.Rsa2048, "harness/csr");
        var csr = CsrFactory.Create(new CsrSpec
        {
            Subject = "C=US, O=Example Site, OU=Interaction Center, OU=Servers, CN=ic1.example.test",
            Sans = [SubjectAltName.Dns("ic1.example.test"), SubjectAltName.Ip("10.0.0.5")],
        }, keys);
        Write("good.csr", PkiWriter.CsrDer(csr));
        Write("broken-signature.csr", PkiWriter.CsrPem(CsrFactory.WithBrokenSignature(csr)));
        Write("sha1.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec { Subject = "CN=old", Digest = DigestAlgorithm.Sha1 }, keys)));
        Write("small-key.csr", PkiWriter.CsrPem(CsrFactory.Create(new CsrSpec { Subject = "CN=small" }, KeyCache.Shared.Get(KeySpec.Rsa(1024), "harness/small"))));
        var server = Folder.Issued["Server"];
        Write("server.pem", PkiWriter.CertificatePem(server.Certificate));
        Write("server-key.p8", PkiWriter.PrivateKeyPem(server.Keys.Private, KeyFormat.Pkcs8));
        Write("server.pfx", PkiWriter.Pkcs12(server.Certificate, server.Keys.Private, [Folder.Issued["ICCertificateAuthority"].Certificate], Password));
        Write("chain.p7b", PkiWriter.Pkcs7Der([Folder.Issued["ICCertificateAuthority"].Certificate, Folder.ServerGroup.Certificate]));
        Write("ca.pem", PkiWriter.CertificatePem(Folder.Issued["ICCertificateAuthority"].Certificate));
        Write("root.pem", PkiWriter.CertificatePem(Folder.ServerGroup.Certificate));
        Write("password.txt", Password + "\n");
        var der = server.Certificate.GetEncoded();
        Write("empty.cer", []);
        Write("truncated.cer", der.Take(der.Length - 40).ToArray());
        var random = new byte[300];
        new Random(7).NextBytes(random);
        random[0] = 0x04;
        Write("random.cer", random);
        Write("wrong-label.pem", System.Text.Encoding.ASCII.GetBytes("-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n"));
        Write("absurd-length.cer", [0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x30, 0x00]);
    }

    public static SampleSite Shared => Instance.Value;

    public string Root => _dir.Path;

    public string IcDir => Path.Combine(Root, "Certificates");

    public IcFolder Folder { get; }

    public string this[string name] => Path.Combine(Root, name);

    public void Dispose() => _dir.Dispose();

    private void Write(string name, byte[] content) => File.WriteAllBytes(this[name], content);

    private void Write(string name, string content) => File.WriteAllText(this[name], content);
}
