using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Preservation;
using CertInstaller.Core.Store;
using CertInstaller.Core.Tests.Store;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Core.Tests.Preservation;

/// <summary>
/// What a backup records of the stores is what <c>store</c> checks: the same folder certificate (one selector, every
/// folder form) and the same path through the stores (the checker's, not a walk of its own).
/// </summary>
public class StoreRecorderTests
{
    private static TempDir _dir = null!;
    private static StorePki _pki = null!;
    private static SingleCertificateFolders _forms = null!;

    [OneTimeSetUp]
    public static void MakePki()
    {
        _dir = new TempDir("ci-store-recorder-");
        _pki = new StorePki(Path.Combine(_dir.Path, "pki"));
        _forms = new SingleCertificateFolders(_pki, Path.Combine(_dir.Path, "forms"));
    }

    [OneTimeTearDown]
    public static void RemovePki() => _dir.Dispose();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static FakeStores Consistent() => new FakeStores()
        .Add(MachineStore.My, _pki.P("leaf.cer"), key: true)
        .Add(MachineStore.CA, _pki.P("inter.cer"))
        .Add(MachineStore.Root, _pki.P("root.cer"));

    private static StoreSection Record(string folder, IMachineCertificateStores stores) =>
        new StoreRecorder(stores, new RunCache(), Now).Record(new LayoutScanner().Scan(folder));

    private static (MachineStore, StoreCertificateRole, string, bool)[] Chain(StoreSection section) =>
        section.Certificates.Select(c => (c.Store, c.Role, c.Thumbprint, c.Present)).ToArray();

    [TestCase(SingleCertificateForm.ServerGroup)]
    [TestCase(SingleCertificateForm.LocalServerAndClient)]
    [TestCase(SingleCertificateForm.Both)]
    public void Record_OfEachFolderForm_RecordsTheSelectedCertificateAndItsChain(SingleCertificateForm form)
    {
        var section = Record(_forms.Folder(form), Consistent());

        Assert.That(section.Recorded, Is.True);
        Assert.That(Chain(section), Is.EqualTo(new[]
        {
            (MachineStore.My, StoreCertificateRole.Certificate, _forms.ExpectedThumbprint(form)!, true),
            (MachineStore.CA, StoreCertificateRole.Intermediate, _forms.Thumbprint("inter.cer"), true),
            (MachineStore.Root, StoreCertificateRole.Root, _forms.Thumbprint("root.cer"), true),
        }));
        Assert.That(section.Certificates[0].FolderFile, Is.EqualTo(SingleCertificateFolders.ExpectedPath(form)));
        Assert.That(section.Certificates[0].HasPrivateKey, Is.True);
    }

    [Test]
    public void Record_OfAFolderInNeitherForm_RecordsThatNothingIsReliedOn_StoresNotRead()
    {
        var stores = Consistent();
        stores.Unreadable.UnionWith([MachineStore.My, MachineStore.CA, MachineStore.Root]);

        var section = Record(_forms.Folder(SingleCertificateForm.Neither), stores);

        Assert.That((section.Recorded, section.Certificates.Count), Is.EqualTo((true, 0)), "an unreadable store would have made it not recorded");
        Assert.That(section.Note, Is.Not.Null);
    }

    [TestCase(SingleCertificateForm.ServerGroup)]
    [TestCase(SingleCertificateForm.LocalServerAndClient)]
    [TestCase(SingleCertificateForm.Neither)]
    [TestCase(SingleCertificateForm.Both)]
    public void Record_TakesTheCertificateTheStoreRuleChecks(SingleCertificateForm form)
    {
        var folder = _forms.Folder(form);
        var context = new ValidationContext { Layout = new LayoutScanner().Scan(folder), Policy = ValidationPolicy.Installer, At = Now };
        var empty = new FakeStores(); // nothing in any store: the rule names the certificate it looked for
        var missing = new StoreRule(empty).Check(context).Where(o => o.Code == FindingCode.StoreCertificateMissing).Select(o => o.Path.Split('\\').Last());

        var recorded = Record(folder, empty).Certificates.Where(c => c.Role == StoreCertificateRole.Certificate).Select(c => c.Thumbprint);

        Assert.That(recorded, Is.EqualTo(missing));
        Assert.That(recorded.Count(), Is.EqualTo(form == SingleCertificateForm.Neither ? 0 : 1));
    }

    [Test]
    public void Record_WhenCaHoldsAnExpiredCopyOfTheIssuerFirst_RecordsTheValidatedPath()
    {
        // Two issuers of one subject and key: the expired copy comes first, and its signature on the leaf verifies. A walk
        // by subject and signature takes it; the chain builder takes the path that validates, as the store check does.
        var stores = new FakeStores()
            .Add(MachineStore.My, _pki.P("leaf.cer"), key: true)
            .Add(MachineStore.CA, _pki.P("inter-expired.cer"))
            .Add(MachineStore.CA, _pki.P("inter.cer"))
            .Add(MachineStore.Root, _pki.P("root.cer"));
        var folder = _forms.Folder(SingleCertificateForm.ServerGroup);
        var leaf = new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(File.ReadAllBytes(_pki.P("leaf.cer")));
        var request = new StoreCheckRequest(leaf, SingleCertificateFolders.ExpectedPath(SingleCertificateForm.ServerGroup)!, Now, 30, DigestAlgorithm.Sha256);
        var validated = new StoreChecker(stores).Chain(request);

        var section = Record(folder, stores);

        Assert.That(new StoreChecker(stores).Check(request), Is.Empty, "the store check validates this setup");
        Assert.That(validated.Valid, Is.True);
        Assert.That(section.Certificates.Select(c => c.Thumbprint), Is.EqualTo(validated.Path.Select(c => Thumbprints.Of(c.GetEncoded()))));
        Assert.That(section.Certificates[1].Thumbprint, Is.EqualTo(_forms.Thumbprint("inter.cer")).And.Not.EqualTo(_forms.Thumbprint("inter-expired.cer")));
    }

    [Test]
    public void Record_WhenTheIssuerIsOnlyInMy_RecordsItPresentInMy()
    {
        // The check's pool is every store, so the validated path takes the intermediate from My: recorded where it is.
        var stores = new FakeStores()
            .Add(MachineStore.My, _pki.P("leaf.cer"), key: true)
            .Add(MachineStore.My, _pki.P("inter.cer"))
            .Add(MachineStore.Root, _pki.P("root.cer"));

        var section = Record(_forms.Folder(SingleCertificateForm.ServerGroup), stores);

        Assert.That(Chain(section)[1], Is.EqualTo((MachineStore.My, StoreCertificateRole.Intermediate, _forms.Thumbprint("inter.cer"), true)));
    }

    [Test]
    public void Record_WhenTheStoresLackTheIssuers_RecordsTheRestAbsentWithTheFolderFile()
    {
        var stores = new FakeStores().Add(MachineStore.My, _pki.P("leaf.cer"), key: true);

        var section = Record(_forms.Folder(SingleCertificateForm.ServerGroup), stores);

        Assert.That(Chain(section), Is.EqualTo(new[]
        {
            (MachineStore.My, StoreCertificateRole.Certificate, _forms.Thumbprint("leaf.cer"), true),
            (MachineStore.CA, StoreCertificateRole.Intermediate, _forms.Thumbprint("inter.cer"), false),
            (MachineStore.Root, StoreCertificateRole.Root, _forms.Thumbprint("root.cer"), false),
        }));
        Assert.That(section.Certificates.Skip(1).Select(c => c.FolderFile), Is.All.EqualTo("Client/Local_Subsystems/ic1_TrustedCertificate.cer"));
    }

    [Test]
    public void Record_WhenAStoreCannotBeOpened_RecordsNotRecorded()
    {
        var stores = Consistent();
        stores.Unreadable.Add(MachineStore.CA);

        var section = Record(_forms.Folder(SingleCertificateForm.ServerGroup), stores);

        Assert.That(section.Recorded, Is.False);
        Assert.That(section.Note, Is.Not.Null);
    }
}
