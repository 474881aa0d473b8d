using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// Issue 25: a privileged run refuses a backup root another account owns or can swap, and a certificates folder another
/// account can change (it walks paths, not directory handles: README security), before changing anything.
/// </summary>
[Platform(Exclude = "Win", Reason = "Unix owners and modes")]
[UnsupportedOSPlatform("windows")]
public class OtherWritersTests
{
    private const string OtherAccount = "12345";
    private TempDir _dir = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
        SampleFolder.Write(_dir.Certificates);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Create_WhenTheBackupRootIsOwnedByAnotherAccount_RefusesWithoutTouchingIt()
    {
        Directory.CreateDirectory(_dir.BackupRoot, Mode("755"));
        FileNameTests.Shell($"chown {OtherAccount} '{_dir.BackupRoot}'");

        var error = Assert.Throws<BackupException>(() => Store().Create(Request()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.BackupRootWritableByOthers));
            Assert.That(error.FilePath, Is.EqualTo(_dir.BackupRoot));
            Assert.That(File.GetUnixFileMode(_dir.BackupRoot), Is.EqualTo(Mode("755")), "not re-secured: it is not ours");
            Assert.That(Directory.EnumerateFileSystemEntries(_dir.BackupRoot), Is.Empty);
        });
    }

    [TestCase("777", true)]
    [TestCase("1777", false)]
    [TestCase("755", false)]
    public void Create_WhenTheBackupRootsParentIsWritableByOthers_RefusesUnlessSticky(string parentMode, bool refused)
    {
        var parent = Path.Combine(_dir.Path, "shared");
        Directory.CreateDirectory(parent);
        File.SetUnixFileMode(parent, Mode(parentMode));
        var root = Path.Combine(parent, "Backups");

        var error = Catch(() => Store(root).Create(Request()));

        Assert.That(error?.Code, refused ? Is.EqualTo(BackupErrorCode.BackupRootWritableByOthers) : Is.Null);
        Assert.That(Directory.Exists(root), Is.EqualTo(!refused));
    }

    [TestCase("")]
    [TestCase("ServerGroup")]
    public void CreateAndRestore_WhenTheFolderOrASubfolderIsWritableByEveryone_RefuseBeforeChangingAnything(string relative)
    {
        var snapshot = Store().Create(Request());
        SampleFolder.Regenerate(_dir.Certificates);
        var loose = Path.Combine(_dir.Certificates, relative).TrimEnd('/');
        File.SetUnixFileMode(loose, Mode("777"));
        var before = FolderPicture.Of(_dir.Certificates);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var backup = Catch(() => Store().Create(Request()));
        var restore = Catch(() => new SnapshotRestorer(Store()).RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(backup?.Code, Is.EqualTo(BackupErrorCode.FolderWritableByOthers));
            Assert.That(restore?.Code, Is.EqualTo(BackupErrorCode.FolderWritableByOthers));
            Assert.That(restore?.FilePath, Is.EqualTo(loose));
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
            Assert.That(Store().List(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Restore_WhenTheFolderIsOwnedByAnotherAccount_Refuses()
    {
        var snapshot = Store().Create(Request());
        SampleFolder.Regenerate(_dir.Certificates);
        FileNameTests.Shell($"chown {OtherAccount} '{_dir.Certificates}'");
        var before = FolderPicture.Of(_dir.Certificates);

        var error = Catch(() => new SnapshotRestorer(Store()).RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(error?.Code, Is.EqualTo(BackupErrorCode.FolderWritableByOthers));
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
        });
    }

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    private static BackupException? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (BackupException e)
        {
            return e;
        }
    }

    private SnapshotStore Store(string? root = null) => new(root ?? _dir.BackupRoot, new PhysicalFileSystem(), _clock, new TestLockProbe(false));

    private SnapshotRequest Request() => new(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" };
}
