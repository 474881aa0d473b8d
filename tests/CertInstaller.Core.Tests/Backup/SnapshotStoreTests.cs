using System.Runtime.Versioning;
using System.Text;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

public class SnapshotStoreTests
{
    private TempDir _dir = null!;
    private TestClock _clock = null!;
    private TestLockProbe _probe = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
        _probe = new TestLockProbe(holdersAlive: true);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Create_WhenFolderHasFiles_CopiesEveryFileByteForByte()
    {
        SampleFolder.Write(_dir.Certificates);
        var before = FolderPicture.Of(_dir.Certificates);

        var snapshot = Store().Create(Request());

        var copy = FolderPicture.Of(Path.Combine(snapshot.Path, "files"));
        Assert.Multiple(() =>
        {
            Assert.That(copy.SameAs(before), Is.True, copy.Describe());
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True, "the source must not change");
        });
    }

    [Test]
    public void Create_WhenFolderHasFiles_ManifestRecordsEveryFact()
    {
        SampleFolder.Write(_dir.Certificates);
        var lastWrite = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(_dir.Certificates, SampleFolder.MapFile), lastWrite);

        var manifest = Store().Create(Request()).Manifest;

        var map = manifest.Files.Single(f => f.RelativePath == SampleFolder.MapFile);
        var key = manifest.Files.Single(f => f.RelativePath == SampleFolder.ThirdPartyKey);
        var content = SampleFolder.Content(SampleFolder.MapFile, "A");
        Assert.Multiple(() =>
        {
            Assert.That(manifest.Files.Select(f => f.RelativePath), Is.EquivalentTo(SampleFolder.Files));
            Assert.That(manifest.Directories, Is.EquivalentTo(new[] { "CSRs", "Client", "Client/Local_Subsystems", "ICCertificateAuthority", "ServerGroup" }));
            Assert.That(map.Size, Is.EqualTo(content.Length));
            Assert.That(map.Sha256, Is.EqualTo(FolderPicture.Sha(content)));
            Assert.That(map.ModifiedUtc, Is.EqualTo(lastWrite));
            Assert.That(map.Origin, Is.EqualTo(FileOrigin.Other));
            Assert.That(key.Origin, Is.EqualTo(FileOrigin.ThirdParty));
            Assert.That(key.OriginReason, Is.EqualTo("issued by Contoso Root CA"));
            Assert.That(manifest.Files.Single(f => f.RelativePath == SampleFolder.ReadOnlyFile).ReadOnly, Is.True);
            Assert.That(manifest.SourcePath, Is.EqualTo(_dir.Certificates));
            Assert.That(manifest.SourceExisted, Is.True);
            Assert.That(manifest.Reason, Is.EqualTo("install"));
            Assert.That(manifest.ToolVersion, Is.EqualTo(ToolInfo.Version));
            Assert.That(manifest.CreatedUtc, Is.EqualTo(_clock.UtcNow));
            Assert.That(manifest.MachineName, Is.EqualTo("IC1"));
            Assert.That(manifest.Id, Does.StartWith("20261126T221500Z-"));
        });
    }

    [Test]
    public void Create_WhenWritten_ManifestJsonIsCamelCaseWithNamedEnums()
    {
        SampleFolder.Write(_dir.Certificates);

        var snapshot = Store().Create(Request());

        var json = File.ReadAllText(Path.Combine(snapshot.Path, "manifest.json"));
        Assert.That(json, Does.Contain("\"relativePath\": \"ServerGroup/ServerGroupCertificate.cer\"")
            .And.Contain("\"sha256\":")
            .And.Contain("\"origin\": \"thirdParty\"")
            .And.Contain("\"sourceExisted\": true"));
    }

    [Test]
    public void Create_WhenFolderMissing_RecordsMissingFolderAndVerifies()
    {
        var store = Store();

        var snapshot = store.Create(Request());

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Manifest.SourceExisted, Is.False);
            Assert.That(snapshot.Manifest.Files, Is.Empty);
            Assert.That(store.Verify(snapshot.Id).IsValid, Is.True);
            Assert.That(Directory.Exists(_dir.Certificates), Is.False, "a backup must not create the folder");
        });
    }

    [Test]
    public void Create_WhenFolderEmpty_RecordsEmptyExistingFolder()
    {
        Directory.CreateDirectory(_dir.Certificates);

        var snapshot = Store().Create(Request());

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Manifest.SourceExisted, Is.True);
            Assert.That(snapshot.Manifest.Files, Is.Empty);
            Assert.That(snapshot.Manifest.Directories, Is.Empty);
        });
    }

    [Test]
    public void Create_WhenAFileIsLocked_ThrowsSourceFileUnreadableAndCompletesNoSnapshot()
    {
        SampleFolder.Write(_dir.Certificates);
        var locked = Path.Combine(_dir.Certificates, SampleFolder.ThirdPartyKey);
        var store = new SnapshotStore(_dir.BackupRoot, new LockedFileSystem(locked), _clock, _probe);

        var error = Assert.Throws<BackupException>(() => store.Create(Request()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.SourceFileUnreadable));
            // The same file either way: Windows takes '/' and '\' alike, and a build may report either form.
            Assert.That(Path.GetFullPath(error.FilePath!), Is.EqualTo(Path.GetFullPath(locked)));
            Assert.That(store.List(), Is.Empty);
            Assert.That(File.Exists(Path.Combine(_dir.BackupRoot, "certinstaller.lock")), Is.False);
        });
    }

    [TestCase("Certificates/Backups")]
    [TestCase("")]
    [TestCase("..")]
    public void Create_WhenBackupRootOverlapsTheFolder_ThrowsInvalidArgument(string rootRelativeToFolder)
    {
        SampleFolder.Write(_dir.Certificates);
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(_dir.Certificates)!, rootRelativeToFolder.Length == 0 ? "Certificates" : rootRelativeToFolder));
        var store = new SnapshotStore(root, new PhysicalFileSystem(), _clock, _probe);

        var error = Assert.Throws<BackupException>(() => store.Create(Request()));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.InvalidArgument));
    }

    [Test]
    public void Create_WhenFolderPathIsAFile_ThrowsSourceNotAFolder()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_dir.Certificates)!);
        File.WriteAllText(_dir.Certificates, "not a folder");

        var error = Assert.Throws<BackupException>(() => Store().Create(Request()));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.SourceNotAFolder));
    }

    [Test]
    public void Create_WhenFolderIsALink_ThrowsSourceNotAFolder()
    {
        SampleFolder.Write(_dir.Outside);
        Directory.CreateDirectory(Path.GetDirectoryName(_dir.Certificates)!);
        Directory.CreateSymbolicLink(_dir.Certificates, _dir.Outside);

        var error = Assert.Throws<BackupException>(() => Store().Create(Request()));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.SourceNotAFolder));
    }

    [Test]
    public void Create_WhenFolderHoldsLinks_SkipsThemWithoutCopyingTheirTargets()
    {
        SampleFolder.Write(_dir.Certificates);
        var secret = Encoding.UTF8.GetBytes("secret outside the folder");
        SampleFolder.WriteFile(_dir.Outside, "secret.key", secret);
        File.CreateSymbolicLink(Path.Combine(_dir.Certificates, "ServerGroup", "link.key"), Path.Combine(_dir.Outside, "secret.key"));
        Directory.CreateSymbolicLink(Path.Combine(_dir.Certificates, "Client", "linked-dir"), _dir.Outside);

        var snapshot = Store().Create(Request());

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Manifest.Skipped, Is.EquivalentTo(new[]
            {
                new SkippedEntry("Client/linked-dir", SkipReason.Link),
                new SkippedEntry("ServerGroup/link.key", SkipReason.Link),
            }));
            Assert.That(snapshot.Manifest.Files.Select(f => f.RelativePath), Is.EquivalentTo(SampleFolder.Files));
            Assert.That(FolderPicture.ContentUnder(snapshot.Path), Does.Not.Contain(FolderPicture.Sha(secret)));
        });
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix modes; Windows ACLs are set through the same port")]
    [UnsupportedOSPlatform("windows")]
    public void Create_WhenWritten_RootSnapshotAndFilesAreOwnerOnly()
    {
        SampleFolder.Write(_dir.Certificates);

        var snapshot = Store().Create(Request());

        var directoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var fileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(_dir.BackupRoot), Is.EqualTo(directoryMode));
            foreach (var directory in Directory.EnumerateDirectories(snapshot.Path, "*", SearchOption.AllDirectories).Append(snapshot.Path))
            {
                Assert.That(File.GetUnixFileMode(directory), Is.EqualTo(directoryMode), directory);
            }

            foreach (var file in Directory.EnumerateFiles(snapshot.Path, "*", SearchOption.AllDirectories))
            {
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(fileMode), file);
            }
        });
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix modes")]
    [UnsupportedOSPlatform("windows")]
    public void Create_WhenBackupRootExistsWithLooseMode_TightensItTo0700()
    {
        Directory.CreateDirectory(_dir.BackupRoot);
        File.SetUnixFileMode(_dir.BackupRoot, (UnixFileMode)0b111_111_111);

        Store().Create(Request());

        Assert.That(File.GetUnixFileMode(_dir.BackupRoot), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public void List_WhenPartialAndHalfDeletedSnapshotsExist_IgnoresThem()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store();
        var complete = store.Create(Request());
        CopyDirectory(complete.Path, Path.Combine(_dir.BackupRoot, "20261127T000000Z-abcdef.partial"));
        CopyDirectory(complete.Path, Path.Combine(_dir.BackupRoot, "20261127T000001Z-abcdef.deleting"));

        var listed = store.List();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(s => s.Id), Is.EqualTo(new[] { complete.Id }));
            Assert.That(
                Assert.Throws<BackupException>(() => store.Open("20261127T000000Z-abcdef.partial"))!.Code,
                Is.EqualTo(BackupErrorCode.SnapshotNotFound));
        });
    }

    [Test]
    public void List_WhenSeveralSnapshots_ReturnsNewestFirst()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store();
        var first = store.Create(Request());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = store.Create(Request());

        Assert.That(store.List().Select(s => s.Id), Is.EqualTo(new[] { second.Id, first.Id }));
    }

    [Test]
    public void Verify_WhenSnapshotIntact_IsValid()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store();
        var snapshot = store.Create(Request());

        var result = store.Verify(snapshot.Id);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.FilesChecked, Is.EqualTo(SampleFolder.Files.Length));
        });
    }

    [TestCase("modify", VerificationIssueCode.FileHashMismatch)]
    [TestCase("truncate", VerificationIssueCode.FileSizeMismatch)]
    [TestCase("delete", VerificationIssueCode.FileMissing)]
    [TestCase("add", VerificationIssueCode.FileExtra)]
    [TestCase("link", VerificationIssueCode.UnexpectedLink)]
    [TestCase("corruptManifest", VerificationIssueCode.ManifestUnreadable)]
    [TestCase("unsafeManifestPath", VerificationIssueCode.ManifestUnreadable)]
    [TestCase("deleteManifest", VerificationIssueCode.ManifestMissing)]
    public void Verify_WhenSnapshotTampered_ReportsCode(string tamper, VerificationIssueCode expected)
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store();
        var snapshot = store.Create(Request());
        Tamper(snapshot.Path, tamper);

        var result = store.VerifyFolder(snapshot.Id, snapshot.Path);

        Assert.That(result.Issues.Select(i => i.Code), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Create_WhenLockHeldByLiveProcess_ThrowsLockHeldNamingTheHolder()
    {
        var store = Store();
        using var held = store.AcquireLock("install of IC 2025 R4");

        var error = Assert.Throws<BackupException>(() => store.Create(Request()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.LockHeld));
            Assert.That(error.FilePath, Is.EqualTo(held.LockPath));
            Assert.That(error.Message, Does.Contain("msiexec (id 4242) on TESTHOST").And.Contain("install of IC 2025 R4"));
            Assert.That(Directory.EnumerateDirectories(_dir.BackupRoot), Is.Empty);
        });
    }

    [Test]
    public void Create_WhenLockIsStale_TakesItOverAndReleasesIt()
    {
        var store = Store();
        store.AcquireLock("a run that crashed"); // never released
        _probe.HoldersAlive = false;

        store.Create(Request());

        Assert.That(File.Exists(Path.Combine(_dir.BackupRoot, "certinstaller.lock")), Is.False);
    }

    [Test]
    public void Release_WhenLockWasTakenOverByAnotherRun_LeavesTheirLock()
    {
        var store = Store();
        var first = store.AcquireLock("first");
        _probe.HoldersAlive = false;
        using var second = store.AcquireLock("second");

        first.Release();

        Assert.That(FolderLock.TryRead(new PhysicalFileSystem(), second.LockPath)?.Token, Is.EqualTo(second.Holder.Token));
    }

    [Test]
    public void MarkValidated_WhenCalled_IsListedWithTheSnapshot()
    {
        var store = Store();
        var snapshot = store.Create(Request());

        store.MarkValidated(snapshot.Id, clean: true, "0 findings");
        store.MarkValidated(snapshot.Id, clean: false, "2 errors");

        Assert.That(store.Open(snapshot.Id).Validation, Is.EqualTo(new ValidationMark(false, "2 errors", _clock.UtcNow)));
    }

    [Test]
    public void Prune_WhenMoreThanRetained_DeletesExpiredAndLeftoversOnly()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(store.Create(Request()).Id);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Directory.CreateDirectory(Path.Combine(_dir.BackupRoot, "20261127T000000Z-abcdef.partial", "files"));

        var result = store.Prune(new RetentionPolicy(2));

        Assert.Multiple(() =>
        {
            Assert.That(store.List().Select(s => s.Id), Is.EqualTo(new[] { ids[3], ids[2] }));
            Assert.That(result.Deleted, Is.EquivalentTo(new[] { ids[0], ids[1] }));
            Assert.That(result.RemovedLeftovers, Is.EqualTo(new[] { "20261127T000000Z-abcdef.partial" }));
            Assert.That(Directory.EnumerateDirectories(_dir.BackupRoot).Select(Path.GetFileName), Is.EquivalentTo(new[] { ids[3], ids[2] }));
        });
    }

    [Test]
    public void Prune_WhenOldSnapshotHoldsOnlyCopyOfThirdPartyFile_KeepsIt()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store();
        var withThirdParty = store.Create(Request());
        SampleFolder.Regenerate(_dir.Certificates); // third-party files overwritten by IC content
        var later = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            later.Add(store.Create(Request()).Id);
        }

        var result = store.Prune(new RetentionPolicy(1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Decisions.Single(d => d.Id == withThirdParty.Id).Reason, Is.EqualTo(RetentionReason.OnlyCopyOfThirdPartyFile));
            Assert.That(result.Deleted, Is.EquivalentTo(new[] { later[0], later[1] }));
        });
    }

    internal static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    internal static void Tamper(string snapshotPath, string how)
    {
        var file = Path.Combine(snapshotPath, "files", SampleFolder.ThirdPartyKey);
        var manifest = Path.Combine(snapshotPath, "manifest.json");
        switch (how)
        {
            case "modify":
                var bytes = File.ReadAllBytes(file);
                bytes[0] ^= 0x01;
                File.WriteAllBytes(file, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(file, File.ReadAllBytes(file)[..10]);
                break;
            case "delete":
                File.Delete(file);
                break;
            case "add":
                File.WriteAllText(Path.Combine(snapshotPath, "files", "ServerGroup", "planted.cer"), "planted");
                break;
            case "link":
                File.Delete(file);
                File.CreateSymbolicLink(file, "/etc/hostname");
                break;
            case "corruptManifest":
                File.WriteAllText(manifest, "{ not json");
                break;
            case "unsafeManifestPath":
                File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"ServerGroup/ServerGroupCertificate.cer\"", "\"../../outside/evil.cer\""));
                break;
            case "deleteManifest":
                File.Delete(manifest);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
    }

    private SnapshotStore Store() => new(_dir.BackupRoot, new PhysicalFileSystem(), _clock, _probe);

    private SnapshotRequest Request() =>
        new(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" };
}
