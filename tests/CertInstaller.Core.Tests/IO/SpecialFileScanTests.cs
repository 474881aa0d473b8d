using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Preservation;
using CertInstaller.Samples;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.IO;

/// <summary>Issue 11, §3: a FIFO, socket or device in the certificates folder hung or crashed every folder verb. Each verb
/// now finishes, never opens them, and reports them; a folder that is a volume root or overlaps the backup root is refused
/// before any scan.</summary>
[Platform(Include = "Linux")]
[SupportedOSPlatform("linux")]
public class SpecialFileScanTests
{
    private TempDir _dir = null!;
    private System.Net.Sockets.Socket? _socket;
    private string Certs => Path.Combine(_dir.Path, "Certificates");
    private string Backups => Path.Combine(_dir.Path, "Backups");
    private string Fifo => Path.Combine(Certs, "ServerGroup", "pipe.cer");
    private string Device => Path.Combine(Certs, "HTTPS", "zero.cer");
    private bool _hasDevice;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
    }

    [TearDown]
    public void TearDown()
    {
        _socket?.Dispose();
        _dir.Dispose();
    }

    private void Plant()
    {
        SpecialFiles.Fifo(Fifo);
        _socket = SpecialFiles.UnixSocket(Path.Combine(Certs, "Client", "agent.sock"));
        _hasDevice = SpecialFiles.ZeroDevice(Device);
    }

    private string[] Planted => _hasDevice ? ["Client/agent.sock", "HTTPS/zero.cer", "ServerGroup/pipe.cer"] : ["Client/agent.sock", "ServerGroup/pipe.cer"];

    [Test]
    public void Backup_WhenFolderHoldsFifoSocketAndDevice_FinishesWithoutCopyingThem()
    {
        Plant();

        var snapshot = SpecialFiles.Within(30, () => ClassifiedSnapshot.Create(new SnapshotStore(Backups), Certs, "test", []), Fifo);

        Assert.That(snapshot.Manifest.Files.Select(f => f.RelativePath), Has.None.AnyOf(Planted));
        Assert.That(new SnapshotStore(Backups).Verify(snapshot.Id).IsValid, Is.True);
    }

    [Test]
    public void Validate_WhenFolderHoldsFifoSocketAndDevice_FinishesAndReportsEach()
    {
        Plant();

        var (layout, report) = SpecialFiles.Within(30, () =>
        {
            var scanned = new LayoutScanner().Scan(Certs);
            return (scanned, new FolderValidator().Validate(new ValidationContext { Layout = scanned, Policy = ValidationPolicy.Installer, At = DateTimeOffset.UtcNow }));
        }, Fifo);

        Assert.That(layout.Skipped.Where(s => s.Kind.IsSpecial()).Select(s => s.RelativePath), Is.EquivalentTo(Planted));
        Assert.That(layout.Skipped.Single(s => s.RelativePath == "ServerGroup/pipe.cer").Kind, Is.EqualTo(FileSystemEntryKind.Fifo));
        Assert.That(layout.Entries.Select(e => e.RelativePath), Has.None.AnyOf(Planted));
        Assert.That(report.Findings.Select(f => f.Path), Is.SupersetOf(Planted));
    }

    [Test]
    public void Digests_WhenFolderHoldsFifoSocketAndDevice_FinishesAndListsThemAsNotRegular()
    {
        Plant();

        var report = SpecialFiles.Within(30, () => DigestScanner.Scan(Certs, new DigestPolicy(Core.Pki.DigestAlgorithm.Sha256), new PkiReader()), Fifo);

        Assert.That(report.Unreadable.Where(u => u.Error.Code == ReadErrorCode.NotRegularFile).Select(u => u.File.RelativePath), Is.EquivalentTo(Planted));
    }

    [Test]
    public void Preserve_WhenThirdPartyFileReplacedByFifo_LeavesItAloneAndReportsIt()
    {
        var store = new SnapshotStore(Backups);
        var id = ClassifiedSnapshot.Create(store, Certs, "test", []).Id;
        var certificate = Path.Combine(Certs, "Client", "Local_Subsystems", "ic1_ServerCertificate.cer");
        File.Delete(certificate);
        SpecialFiles.Fifo(certificate);

        var result = SpecialFiles.Within(30, () => new Preserver(store).Preserve(id, Certs), certificate);

        Assert.That(result.Items.Single(i => i.RelativePath == "Client/Local_Subsystems/ic1_ServerCertificate.cer").Decision,
            Is.EqualTo(PreservationDecision.KeptChangedByAdmin));
        Assert.That(new FileInfo(certificate).Length, Is.Zero, "the FIFO is still there");
    }

    [TestCase("/")]
    [TestCase("/dev")]
    [TestCase("/proc/self")]
    [TestCase("/etc")]
    [TestCase("/tmp/..")]
    public void Backup_WhenCertDirIsVolumeRootOrSystemFolder_RefusedBeforeAnyScan(string certDir)
    {
        var e = SpecialFiles.Within(10, () => Assert.Throws<BackupException>(() => ClassifiedSnapshot.Create(new SnapshotStore(Backups), certDir, "test", [])));

        Assert.That(e!.Code, Is.EqualTo(BackupErrorCode.FolderUnsafe));
        Assert.That(Directory.Exists(Backups), Is.False, "nothing was written");
    }

    [Test]
    public void Backup_WhenCertDirIsLinkToVolumeRoot_Refused()
    {
        var link = Path.Combine(_dir.Path, "root-link");
        Directory.CreateSymbolicLink(link, "/");

        var e = SpecialFiles.Within(10, () => Assert.Throws<BackupException>(() => ClassifiedSnapshot.Create(new SnapshotStore(Backups), link, "test", [])));

        Assert.That(e!.Code, Is.EqualTo(BackupErrorCode.FolderUnsafe));
    }

    [Test]
    public void Backup_WhenCertDirHoldsTheBackupRoot_RefusedBeforeAnyScan()
    {
        var inside = Path.Combine(Certs, "Backups");
        SpecialFiles.Fifo(Fifo); // a scan before the check would at least list it; none happens

        var e = Assert.Throws<BackupException>(() => ClassifiedSnapshot.Create(new SnapshotStore(inside), Certs, "test", []))!;

        Assert.That(e.Code, Is.EqualTo(BackupErrorCode.InvalidArgument));
        Assert.That(Directory.Exists(inside), Is.False);
    }

    [Test]
    public void Walk_WhenRootIsSystemFolder_Refuses()
    {
        var e = SpecialFiles.Within(10, () => Assert.Throws<BackupException>(() => FolderTree.Walk(new PhysicalFileSystem(), "/", tolerant: true)));

        Assert.That(e!.Code, Is.EqualTo(BackupErrorCode.FolderUnsafe));
    }

    [TestCase("/etc/ssl/certs")]
    [TestCase("/tmp/certs")]
    [TestCase("/var/lib/certinstaller")]
    public void WhyUnsafe_WhenFolderBelowASystemFolder_Allows(string folder) =>
        Assert.That(FolderGuard.WhyUnsafe(folder), Is.Null);
}
