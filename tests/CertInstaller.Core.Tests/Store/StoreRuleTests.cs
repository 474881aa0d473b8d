using CertInstaller.Core.Layout;
using CertInstaller.Core.Store;
using CertInstaller.Core.Tests.Validation;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Core.Tests.Store;

/// <summary>The store checks as a folder rule: which certificate of the folder it compares, and the findings in a verdict.</summary>
public class StoreRuleTests
{
    private static TempDir _dir = null!;
    private static StorePki _pki = null!;
    private static SingleCertificateFolders _forms = null!;

    [OneTimeSetUp]
    public static void MakePki()
    {
        _dir = new TempDir("ci-store-rule-");
        _pki = new StorePki(Path.Combine(_dir.Path, "pki"));
        _forms = new SingleCertificateFolders(_pki, Path.Combine(_dir.Path, "forms"));
    }

    [OneTimeTearDown]
    public static void RemovePki() => _dir.Dispose();

    private static FakeStores Consistent() => new FakeStores()
        .Add(MachineStore.My, _pki.P("leaf.cer"), key: true)
        .Add(MachineStore.CA, _pki.P("inter.cer"))
        .Add(MachineStore.Root, _pki.P("root.cer"));

    private static ValidationReport Validate(string folder, IMachineCertificateStores stores, bool withFolderRules = false)
    {
        var context = new ValidationContext { Layout = new LayoutScanner().Scan(folder), Policy = ValidationPolicy.Installer, At = DateTimeOffset.UtcNow };
        IReadOnlyList<IFolderRule> rules = withFolderRules ? [.. FolderValidator.DefaultRules(), new StoreRule(stores)] : [new FolderRule(), new StoreRule(stores)];
        return new FolderValidator(rules).Validate(context);
    }

    [Test]
    public void Validate_WhenStoresMatchTheFolder_NoFinding()
    {
        var report = Validate(_pki.Folder, Consistent());
        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.Valid, Is.True);
    }

    [Test]
    public void Validate_WithEveryRule_WhenStoresMatch_NoStoreFinding()
    {
        var report = Validate(_pki.Folder, Consistent(), withFolderRules: true);
        Assert.That(report.Findings.Where(f => CodeOf(f) == Core.Codes.CodeArea.Store), Is.Empty);
    }

    [Test]
    public void Validate_WhenMyHoldsARenewedCertificate_FindingAtItsStoreLocation_FolderInvalid()
    {
        var report = Validate(_pki.Folder, Consistent().Add(MachineStore.My, _pki.P("renewed.cer"), key: true));
        var renewed = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(_pki.P("renewed.cer")));
        Assert.That(report.Findings.Select(f => (f.Code, f.Severity, f.Path)),
            Is.EqualTo(new[] { (FindingCode.StoreCertificateNewer, Severity.Error, $@"Cert:\LocalMachine\My\{renewed.Thumbprint}") }));
        Assert.That(report.Valid, Is.False);
    }

    [Test]
    public void Validate_WhenOnlyAnOlderCopyRemains_WarningFolderValid()
    {
        var report = Validate(_pki.Folder, Consistent().Add(MachineStore.My, _pki.P("soon.cer"), key: true));
        Assert.That(report.Findings.Select(f => (f.Code, f.Severity)), Is.EquivalentTo(new[]
        {
            (FindingCode.StoreCertificateOlder, Severity.Warning), (FindingCode.StoreCertificateExpiringSoon, Severity.Warning),
        }));
        Assert.That(report.Valid, Is.True);
    }

    [Test]
    public void Validate_WhenServerGroupIsSelfSigned_NotApplicable_StoresNotRead()
    {
        var folder = Path.Combine(_dir.Path, "self-signed");
        _ = new OpenSslFolder(folder);
        var stores = Consistent();
        stores.Unreadable.UnionWith([MachineStore.My, MachineStore.CA, MachineStore.Root]);
        var report = Validate(folder, stores);
        Assert.That(report.Findings.Select(f => (f.Code, f.Severity)), Is.EqualTo(new[] { (FindingCode.StoreNotApplicable, Severity.Info) }));
    }

    [Test]
    public void Validate_WhenFolderMissing_OnlyTheFolderFinding()
    {
        var report = Validate(Path.Combine(_dir.Path, "nowhere"), Consistent());
        Assert.That(report.Findings.Select(f => f.Code), Is.EqualTo(new[] { FindingCode.FolderMissing }));
    }

    [TestCase(SingleCertificateForm.ServerGroup)]
    [TestCase(SingleCertificateForm.LocalServerAndClient)]
    [TestCase(SingleCertificateForm.Neither)]
    [TestCase(SingleCertificateForm.Both)]
    public void SingleCertificate_OfEachFolderForm_IsTheExpectedSlot(SingleCertificateForm form)
    {
        var context = new ValidationContext { Layout = new LayoutScanner().Scan(_forms.Folder(form)), Policy = ValidationPolicy.Installer, At = DateTimeOffset.UtcNow };
        var single = context.Slots.SingleCertificate;
        Assert.That(single?.Path, Is.EqualTo(SingleCertificateFolders.ExpectedPath(form)));
        Assert.That(single is null ? null : Thumbprints.Of(single.Certificate.GetEncoded()), Is.EqualTo(_forms.ExpectedThumbprint(form)));
    }

    [TestCase(SingleCertificateForm.ServerGroup)]
    [TestCase(SingleCertificateForm.LocalServerAndClient)]
    [TestCase(SingleCertificateForm.Both)]
    public void Validate_OfEachFolderForm_WhenStoresMatch_NoFinding(SingleCertificateForm form)
    {
        var report = Validate(_forms.Folder(form), Consistent());
        Assert.That(report.Findings, Is.Empty);
    }

    [TestCase(SingleCertificateForm.ServerGroup)]
    [TestCase(SingleCertificateForm.LocalServerAndClient)]
    [TestCase(SingleCertificateForm.Both)]
    public void Validate_OfEachFolderForm_WhenMyIsEmpty_ChecksTheSelectedCertificate(SingleCertificateForm form)
    {
        var stores = new FakeStores().Add(MachineStore.CA, _pki.P("inter.cer")).Add(MachineStore.Root, _pki.P("root.cer"));
        var report = Validate(_forms.Folder(form), stores);
        Assert.That(report.Findings.Select(f => (f.Code, f.Path)),
            Is.EqualTo(new[] { (FindingCode.StoreCertificateMissing, $@"Cert:\LocalMachine\My\{_forms.ExpectedThumbprint(form)}") }));
    }

    [Test]
    public void Validate_OfAFolderInNeitherForm_NotApplicable_StoresNotRead()
    {
        var stores = Consistent();
        stores.Unreadable.UnionWith([MachineStore.My, MachineStore.CA, MachineStore.Root]);
        var report = Validate(_forms.Folder(SingleCertificateForm.Neither), stores);
        Assert.That(report.Findings.Select(f => f.Code), Is.EqualTo(new[] { FindingCode.StoreNotApplicable }));
    }

    private static Core.Codes.CodeArea CodeOf(Finding f) => Core.Codes.CodeRegistry.Of(f.Code).Area;
}
