using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CertInstaller.Harness;

namespace CertInstaller.Store.Tests;

/// <summary>
/// certharness store against the machine's real LocalMachine stores (Wine's crypt32 under build/windows-tests.sh, the
/// runner's on Windows): an openssl-made PKI imported as the single-certificate mode's guide says, then each defect of
/// issue 27 set up on top, and the verb's findings asserted by code and store location.
/// </summary>
[NonParallelizable]
public class StoreVerbTests
{
    private static TempDir _dir = null!;
    private static StorePki _pki = null!;
    private MachineStoreSetup _stores = null!;

    [OneTimeSetUp]
    public static void MakePki()
    {
        _dir = new TempDir("ci-store-wine-");
        _pki = new StorePki(_dir.Path);
        MachineStoreSetup.RemoveLeftovers();
    }

    [OneTimeTearDown]
    public static void RemovePki() => _dir.Dispose();

    [SetUp]
    public void SetUp() => _stores = new MachineStoreSetup();

    [TearDown]
    public void TearDown() => _stores.Dispose();

    /// <summary>The guide's steps: the PFX into Personal (exportable key), the issuing CA into Intermediate, the root into Trusted Root.</summary>
    private void Consistent(bool root = true, bool leafWithKey = true)
    {
        if (leafWithKey) _stores.ImportPfx(_pki.P("leaf.pfx"), StorePki.PfxPassword);
        else _stores.AddCertificate(StoreName.My, _pki.P("leaf.cer"));
        _stores.AddCertificate(StoreName.CertificateAuthority, _pki.P("inter.cer"));
        if (root) _stores.AddCertificate(StoreName.Root, _pki.P("root.cer"));
    }

    private static (int Code, List<(string Code, string Severity, string Path)> Findings, string Transcript) Store()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Run(["store", _pki.Folder, "--json"], stdout, stderr);
        var transcript = $"exit {code}\n{stdout}\n{stderr}";
        var findings = stdout.ToString().Length == 0
            ? []
            : JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => (f.GetProperty("code").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("path").GetString()!)).ToList();
        return (code, findings, transcript);
    }

    private static (string Code, string Path)[] Expect(params (string Code, string Path)[] expected) =>
        expected.OrderBy(e => e.Code, StringComparer.Ordinal).ToArray();

    private static (string Code, string Path)[] Found(IEnumerable<(string Code, string Severity, string Path)> findings) =>
        findings.Select(f => (f.Code, f.Path)).OrderBy(e => e.Code, StringComparer.Ordinal).ToArray();

    private static string My(string cer) => $@"Cert:\LocalMachine\My\{Thumbprint(cer)}";

    private static string Thumbprint(string cer) => X509Certificate2.CreateFromPem(File.ReadAllText(_pki.P(cer))).Thumbprint;

    private static string[] Codes(IEnumerable<(string Code, string Severity, string Path)> findings) => findings.Select(f => f.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray();

    [Test]
    public void Store_WhenSetUpAsTheGuideSays_FindsNothing()
    {
        Consistent();
        var (code, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect()), transcript);
        Assert.That(code, Is.Zero, transcript);
    }

    [Test]
    public void Store_WhenRootNotInTrustedRoot_FindsMissingRoot()
    {
        Consistent(root: false);
        var (code, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect(("CI13008", @"Cert:\LocalMachine\Root"))), transcript);
        Assert.That(code, Is.EqualTo(1), transcript);
    }

    [Test]
    public void Store_WhenRootOnlyInIntermediate_FindsMissingRoot()
    {
        Consistent(root: false);
        _stores.AddCertificate(StoreName.CertificateAuthority, _pki.P("root.cer"));
        var (_, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect(("CI13008", $@"Cert:\LocalMachine\Root\{Thumbprint("root.cer")}"))), transcript);
    }

    [Test]
    public void Store_WhenMyHoldsARenewedCertificate_FindsItNewerThanTheFolders()
    {
        Consistent();
        _stores.ImportPfx(_pki.P("renewed.pfx"), StorePki.PfxPassword);
        var (code, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect(("CI13006", My("renewed.cer")))), transcript);
        Assert.That(code, Is.EqualTo(1), transcript);
    }

    [Test]
    public void Store_WhenFolderCertificateNotInMy_FindsItMissing()
    {
        _stores.AddCertificate(StoreName.CertificateAuthority, _pki.P("inter.cer"));
        _stores.AddCertificate(StoreName.Root, _pki.P("root.cer"));
        var (code, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect(("CI13001", My("leaf.cer")))), transcript);
        Assert.That(code, Is.EqualTo(1), transcript);
    }

    [Test]
    public void Store_WhenCertificateInMyWithoutPrivateKey_FindsNoKey()
    {
        Consistent(leafWithKey: false);
        var (code, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect(("CI13002", My("leaf.cer")))), transcript);
        Assert.That(code, Is.EqualTo(1), transcript);
    }

    [Test]
    public void Store_WhenKeyMarkedNonExportable_FindsIt()
    {
        _stores.ImportPfx(_pki.P("leaf.pfx"), StorePki.PfxPassword, exportable: false);
        _stores.AddCertificate(StoreName.CertificateAuthority, _pki.P("inter.cer"));
        _stores.AddCertificate(StoreName.Root, _pki.P("root.cer"));
        var (code, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect(("CI13004", My("leaf.cer")))), transcript);
        Assert.That(code, Is.EqualTo(1), transcript);
    }

    [Test]
    public void Store_WhenMyHoldsAnExpiredCertificateForTheNames_FindsItExpired()
    {
        Consistent();
        _stores.ImportPfx(_pki.P("expired.pfx"), StorePki.PfxPassword);
        var (code, findings, transcript) = Store();
        Assert.That(Found(findings), Is.EqualTo(Expect(("CI13010", My("expired.cer")))), transcript);
        Assert.That(code, Is.EqualTo(1), transcript);
    }
}
