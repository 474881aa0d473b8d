using System.Text.Json.Nodes;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Preservation;
using CertInstaller.Core.Store;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// Issue 27, "Backup includes the store's part": a snapshot records the LocalMachine certificates the folder's Server
/// Group certificate relies on (My, CA, Root) with their key state, never a key or certificate bytes; a restore reports,
/// by code, a store that no longer matches; old snapshots without the record still read, verify and restore.
/// </summary>
public class StoreRecordTests
{
    private const string Leaf = "ServerGroup/ServerGroupCertificate.cer";
    private const string Trusted = "Client/Local_Subsystems/ic1_TrustedCertificate.cer";
    private TempDir _dir = null!;
    private IcFolder _folder = null!;
    private FakeMachineStores _stores = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _folder = new IcFolderBuilder().BuildServer(_dir.Certificates, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        _stores = new FakeMachineStores();
        _stores.Add(MachineStore.My, _folder.ServerGroup, key: true, KeyExportability.Yes);
        _stores.Add(MachineStore.CA, _folder.ExternalCa!.Value.Issuing);
        _stores.Add(MachineStore.Root, _folder.ExternalCa!.Value.Root);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private SnapshotStore Store(IMachineCertificateStores? stores) =>
        new(_dir.BackupRoot, new PhysicalFileSystem(), new TestClock(), new TestLockProbe(false)) { CertificateStores = stores };

    private SnapshotInfo Backup(IMachineCertificateStores? stores) => ClassifiedSnapshot.Create(Store(stores), _dir.Certificates, "install", []);

    private RestoreReport Restore(SnapshotInfo snapshot, IMachineCertificateStores? stores) =>
        new SnapshotRestorer(Store(stores)).RestoreExact(snapshot.Id, _dir.Certificates);

    [Test]
    public void Create_WhenStoresHoldTheChain_RecordsLeafInMyIntermediateInCaRootInRoot()
    {
        var snapshot = Backup(_stores);

        var section = Store(null).Open(snapshot.Id).Manifest.Store; // as read back from manifest.json
        Assert.That(section, Is.Not.Null);
        Assert.That(section!.Recorded, Is.True);
        Assert.That(section.Certificates.Select(c => (c.Store, c.Role, c.Thumbprint, c.Present)), Is.EqualTo(new[]
        {
            (MachineStore.My, StoreCertificateRole.Certificate, Thumb(_folder.ServerGroup), true),
            (MachineStore.CA, StoreCertificateRole.Intermediate, Thumb(_folder.ExternalCa!.Value.Issuing), true),
            (MachineStore.Root, StoreCertificateRole.Root, Thumb(_folder.ExternalCa!.Value.Root), true),
        }));
        Assert.That(section.Certificates[0], Has.Property(nameof(StoreCertificateRecord.HasPrivateKey)).True
            .And.Property(nameof(StoreCertificateRecord.KeyExportable)).EqualTo(KeyExportability.Yes)
            .And.Property(nameof(StoreCertificateRecord.FolderFile)).EqualTo(Leaf));
        Assert.That(section.Certificates.Skip(1).Select(c => c.FolderFile), Is.All.EqualTo(Trusted));
    }

    [Test]
    public void Create_NeverWritesCertificateBytesOrKeysIntoTheManifest()
    {
        var snapshot = Backup(_stores);

        var manifest = File.ReadAllText(Path.Combine(snapshot.Path, SnapshotLayout.ManifestFile));
        var der = Convert.ToBase64String(_folder.ExternalCa!.Value.Root.Certificate.GetEncoded());
        Assert.That(manifest, Does.Contain(Thumb(_folder.ExternalCa!.Value.Root)), "the record is there");
        Assert.That(manifest, Does.Not.Contain(der.Substring(0, 40)).And.Not.Contain("rawDer").And.Not.Contain("PRIVATE KEY"));
    }

    [Test]
    public void Create_WhenRootIsMissingFromStore_RecordsItAbsentWithItsFolderCopy()
    {
        _stores.Remove(MachineStore.Root, _folder.ExternalCa!.Value.Root);

        var root = Backup(_stores).Manifest.Store!.Certificates.Single(c => c.Role == StoreCertificateRole.Root);

        Assert.That((root.Present, root.Thumbprint, root.FolderFile), Is.EqualTo((false, Thumb(_folder.ExternalCa!.Value.Root), Trusted)));
    }

    [Test]
    public void Create_OffWindows_RecordsNotRecordedAndTheBackupSucceeds()
    {
        _stores.Failure = new StoreNeedsWindowsException(MachineStore.My);

        var snapshot = Backup(_stores);

        Assert.That(snapshot.Manifest.Store, Has.Property(nameof(StoreSection.Recorded)).False.And.Property(nameof(StoreSection.Note)).Not.Null);
        Assert.That(Store(null).Verify(snapshot.Id).IsValid, Is.True);
    }

    [Test]
    public void Create_WithoutStorePort_RecordsNotRecorded()
    {
        Assert.That(Backup(null).Manifest.Store!.Recorded, Is.False);
    }

    [Test]
    public void Create_WhenRecorderThrows_RecordsNotRecordedAndTheBackupSucceeds()
    {
        var snapshot = Store(null).Create(new SnapshotRequest(_dir.Certificates, "manual") { RecordStore = () => throw new InvalidOperationException("boom") });

        Assert.That(snapshot.Manifest.Store!.Recorded, Is.False);
    }

    [Test]
    public void Create_OfSelfSignedFolder_RecordsThatNoStoreCertificateIsReliedOn()
    {
        using var dir = new TempDir();
        new IcFolderBuilder().BuildServer(dir.Certificates, new IcFolderSpec());

        var snapshot = ClassifiedSnapshot.Create(new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), new TestClock(), new TestLockProbe(false)) { CertificateStores = _stores },
            dir.Certificates, "install", []);

        Assert.That(snapshot.Manifest.Store, Has.Property(nameof(StoreSection.Recorded)).True.And.Property(nameof(StoreSection.Certificates)).Empty);
        Assert.That(_stores.Reads, Is.Zero, "a self-signed folder needs no store read");
    }

    [Test]
    public void Restore_WhenStoreStillMatches_ReportsNothing()
    {
        var snapshot = Backup(_stores);

        Assert.That(Restore(snapshot, _stores).Store, Is.Empty);
    }

    [Test]
    public void Restore_WhenRecordedCertificatesAreGone_ReportsEachGoneWithItsStore()
    {
        var snapshot = Backup(_stores);
        _stores.Remove(MachineStore.My, _folder.ServerGroup);
        _stores.Remove(MachineStore.Root, _folder.ExternalCa!.Value.Root);

        var drift = Restore(snapshot, _stores).Store;

        Assert.That(drift.Select(d => (d.Code, d.Store, d.Thumbprint)), Is.EqualTo(new[]
        {
            (StoreDriftCode.StoreCertificateGone, (MachineStore?)MachineStore.My, (string?)Thumb(_folder.ServerGroup)),
            (StoreDriftCode.StoreCertificateGone, (MachineStore?)MachineStore.Root, (string?)Thumb(_folder.ExternalCa!.Value.Root)),
        }));
        Assert.That(drift[1].Fix, Does.Contain(Path.Combine(_dir.Certificates, "Client", "Local_Subsystems", "ic1_TrustedCertificate.cer")),
            "the fix names the restored folder's copy of the root");
    }

    [Test]
    public void Restore_WhenMyHoldsAnotherCertificateOfTheSubject_ReportsReplaced()
    {
        var snapshot = Backup(_stores);
        var renewed = new IcFolderBuilder().BuildServer(Path.Combine(_dir.Path, "renewed"), new IcFolderSpec
        {
            Trust = TrustMode.ThirdPartyServerGroup, KeySeed = "renewed", ExternalCa = _folder.ExternalCa, NotBefore = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
        });
        _stores.Remove(MachineStore.My, _folder.ServerGroup);
        _stores.Add(MachineStore.My, renewed.ServerGroup, key: true, KeyExportability.Yes);

        var drift = Restore(snapshot, _stores).Store;

        Assert.That(drift.Select(d => (d.Code, d.Store)), Is.EqualTo(new[] { (StoreDriftCode.StoreCertificateReplaced, (MachineStore?)MachineStore.My) }));
        Assert.That(drift[0].Problem, Does.Contain(Thumb(renewed.ServerGroup)).And.Contain("newer"));
    }

    [Test]
    public void Restore_WhenKeyIsGone_ReportsKeyGone()
    {
        var snapshot = Backup(_stores);
        _stores.Change(MachineStore.My, _folder.ServerGroup, c => c with { HasPrivateKey = false, KeyExportable = KeyExportability.Unknown, PrivateKeyMatches = null });

        Assert.That(Restore(snapshot, _stores).Store.Select(d => d.Code), Is.EqualTo(new[] { StoreDriftCode.StoreKeyGone }));
    }

    [Test]
    public void Restore_WhenKeyIsNoLongerExportable_ReportsNotExportable()
    {
        var snapshot = Backup(_stores);
        _stores.Change(MachineStore.My, _folder.ServerGroup, c => c with { KeyExportable = KeyExportability.No });

        Assert.That(Restore(snapshot, _stores).Store.Select(d => d.Code), Is.EqualTo(new[] { StoreDriftCode.StoreKeyNoLongerExportable }));
    }

    [Test]
    public void Restore_WhenKeyIsAnotherOne_ReportsKeyChanged()
    {
        var snapshot = Backup(_stores);
        _stores.Change(MachineStore.My, _folder.ServerGroup, c => c with { PrivateKeyMatches = false });

        Assert.That(Restore(snapshot, _stores).Store.Select(d => d.Code), Is.EqualTo(new[] { StoreDriftCode.StoreKeyChanged }));
    }

    [Test]
    public void Restore_WhenRecordedAbsentCertificateIsStillAbsent_ReportsNothing()
    {
        _stores.Remove(MachineStore.Root, _folder.ExternalCa!.Value.Root);
        var snapshot = Backup(_stores);

        Assert.That(Restore(snapshot, _stores).Store, Is.Empty, "the restore made nothing worse; the store check reports the missing root");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Restore_WhenStoresCannotBeReadNow_ReportsNotCheckedAndStillRestores(bool offWindows)
    {
        var snapshot = Backup(_stores);
        File.Delete(_dir[Path.Combine("IC", "Certificates", Leaf)]);
        _stores.Failure = offWindows ? new StoreNeedsWindowsException(MachineStore.My) : new StoreUnreadableException(MachineStore.My, new UnauthorizedAccessException("denied"));

        var report = Restore(snapshot, _stores);

        Assert.That(report.Store.Select(d => d.Code), Is.EqualTo(new[] { StoreDriftCode.StoreNotChecked }));
        Assert.That(File.Exists(_dir[Path.Combine("IC", "Certificates", Leaf)]), Is.True, "the folder was restored all the same");
    }

    [Test]
    public void Restore_OfSnapshotTakenOnAnotherMachine_DoesNotCompareThatMachinesStores()
    {
        var recorded = Backup(_stores).Manifest.Store!;
        var snapshot = Store(null).Create(new SnapshotRequest(_dir.Certificates, "copied from the primary") { MachineName = "IC1-PRIMARY", RecordStore = () => recorded });
        _stores.Remove(MachineStore.My, _folder.ServerGroup);

        Assert.That(Restore(snapshot, _stores).Store.Select(d => d.Code), Is.EqualTo(new[] { StoreDriftCode.StoreNotChecked }));
    }

    [Test]
    public void Restore_WhenSnapshotDidNotRecordTheStores_SaysSo()
    {
        var snapshot = Backup(null);

        Assert.That(Restore(snapshot, _stores).Store.Select(d => d.Code), Is.EqualTo(new[] { StoreDriftCode.StoreNotRecorded }));
    }

    [Test]
    public void OldManifestWithoutStoreSection_ReadsVerifiesAndRestores()
    {
        var snapshot = Backup(_stores);
        var manifestPath = Path.Combine(snapshot.Path, SnapshotLayout.ManifestFile);
        var json = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        Assert.That(json.Remove("store"), Is.True);
        File.WriteAllText(manifestPath, json.ToJsonString()); // as written before the store was recorded
        File.Delete(_dir[Path.Combine("IC", "Certificates", Leaf)]);
        var store = Store(_stores);

        Assert.That(store.Verify(snapshot.Id).IsValid, Is.True);
        Assert.That(store.Open(snapshot.Id).Manifest.Store, Is.Null);
        var report = Restore(snapshot, _stores);

        Assert.That(File.Exists(_dir[Path.Combine("IC", "Certificates", Leaf)]), Is.True);
        Assert.That(report.Store.Select(d => d.Code), Is.EqualTo(new[] { StoreDriftCode.StoreNotRecorded }));
    }

    [Test]
    public void Manifest_WithADamagedStoreSection_IsUnreadable()
    {
        var snapshot = Backup(_stores);
        var manifestPath = Path.Combine(snapshot.Path, SnapshotLayout.ManifestFile);
        var json = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        json["store"]!["certificates"]![0]!.AsObject().Remove("thumbprint");
        File.WriteAllText(manifestPath, json.ToJsonString());

        Assert.That(Store(null).Verify(snapshot.Id).Issues.Select(i => i.Code), Is.EqualTo(new[] { VerificationIssueCode.ManifestUnreadable }));
    }

    private static string Thumb(CertInstaller.Samples.Issuing.IssuedCertificate issued) => Thumbprints.Of(issued.Certificate.GetEncoded());
}
