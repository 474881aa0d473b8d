using CertInstaller.Core.Pki;
using CertInstaller.Samples;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Harness.Tests.Golden;

/// <summary>The fixed inputs of the golden transcripts: every key seeded and every validity date fixed, so each run writes the same certificates.</summary>
internal sealed class GoldenSite
{
    public const string Password = "golden-pw";
    private static readonly Lazy<GoldenSite> Instance = new(() => new GoldenSite());

    private readonly TempDir _dir = new("ci-golden-");

    private GoldenSite()
    {
        var builder = new IcFolderBuilder();
        var good = builder.BuildServer(this["good"], new IcFolderSpec { Server = "IC1", Domain = "example.test", WriteMap = false });
        builder.BuildServer(this["legacy"], new IcFolderSpec { Server = "IC1", Domain = "example.test", WriteMap = false, LegacySha1Certificate = true, Digest = DigestAlgorithm.Sha1 });
        var server = good.Issued["Server"];
        var ca = good.Issued["ICCertificateAuthority"];
        Write("server.pem", PkiWriter.CertificatePem(server.Certificate));
        Write("server-key.p8", PkiWriter.PrivateKeyPem(server.Keys.Private, KeyFormat.Pkcs8));
        Write("ca.pem", PkiWriter.CertificatePem(ca.Certificate));
        Write("root.pem", PkiWriter.CertificatePem(good.ServerGroup.Certificate));
        Write("password.txt", Password + "\n");
        // The PFX's salt is random, but no transcript prints the salt or the file's digest.
        File.WriteAllBytes(this["server.pfx"], PkiWriter.Pkcs12(server.Certificate, server.Keys.Private, [ca.Certificate], Password));
        // RSA PKCS#1 v1.5 signatures are deterministic, so the CSR's bytes are the same on every run.
        var csr = CsrFactory.Create(new CsrSpec
        {
            Subject = "C=US, O=Example Site, OU=Interaction Center, OU=Servers, CN=ic1.example.test",
            Sans = [SubjectAltName.Dns("ic1.example.test"), SubjectAltName.Ip("10.0.0.5")],
        }, KeyCache.Shared.Get(KeySpec.Rsa2048, "golden/csr"));
        File.WriteAllBytes(this["server.csr"], PkiWriter.CsrDer(csr));
        var backup = HarnessRun.Of("backup", "create", this["good"], "--to", this["backups"], "--reason", "golden");
        if (backup.Code != 0) throw new InvalidOperationException("golden fixture: backup create failed\n" + backup);
    }

    public static GoldenSite Shared => Instance.Value;

    /// <summary>Removes the temporary folder, if a test built it.</summary>
    public static void DeleteIfBuilt()
    {
        if (Instance.IsValueCreated) Instance.Value._dir.Dispose();
    }

    /// <summary>The temporary folder every input lives in; transcripts show it as &lt;dir&gt;.</summary>
    public string Root => _dir.Path;

    public string this[string name] => Path.Combine(Root, name);

    private void Write(string name, string content) => File.WriteAllText(this[name], content);
}
