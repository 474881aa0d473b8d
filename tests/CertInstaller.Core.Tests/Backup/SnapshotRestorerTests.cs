using System.Text;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

public class SnapshotRestorerTests
{
    private TempDir _dir = null!;
    private TestClock _clock = null!;
    private SnapshotStore _store = null!;
    private SnapshotRestorer _restorer = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
        _store = new SnapshotStore(_dir.BackupRoot, new PhysicalFileSystem(), _clock, new TestLockProbe(holdersAlive: true));
        _restorer = new SnapshotRestorer(_store);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void RestoreExact_WhenFolderWasRegenerated_MakesItByteIdenticalToTheSnapshot()
    {
        SampleFolder.Write(_dir.Certificates);
        var original = FolderPicture.Of(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        var restored = FolderPicture.Of(_dir.Certificates);
        Assert.Multiple(() =>
        {
            Assert.That(restored.SameAs(original), Is.True, restored.Describe());
            Assert.That(report.Count(RestoreFileAction.Replaced), Is.EqualTo(3));
            Assert.That(report.Count(RestoreFileAction.Restored), Is.EqualTo(1));
            Assert.That(report.Count(RestoreFileAction.Removed), Is.EqualTo(1));
            Assert.That(report.Count(RestoreFileAction.Unchanged), Is.EqualTo(SampleFolder.Files.Length - 4));
            Assert.That(Directory.Exists(Path.Combine(_dir.Certificates, "HTTPS")), Is.False);
        });
    }

    [Test]
    public void Preview_WhenFolderWasRegenerated_ListsWhatRestoreExactDoes_AndChangesNothing()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        var before = FolderPicture.Of(_dir.Certificates);
        var backups = FolderPicture.Of(_dir.BackupRoot);

        var preview = _restorer.Preview(snapshot.Id, _dir.Certificates, thirdPartyOnly: false);

        Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True, "a preview changes nothing");
        Assert.That(FolderPicture.Of(_dir.BackupRoot).SameAs(backups), Is.True, "nor the backup root");
        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);
        Assert.That(preview.Select(f => (f.RelativePath, f.Action)),
            Is.EquivalentTo(report.Files.Where(f => f.Action != RestoreFileAction.Unchanged).Select(f => (f.RelativePath, f.Action))));
    }

    [Test]
    public void RestoreExact_WhenFolderWasDeleted_RecreatesItByteIdentical()
    {
        SampleFolder.Write(_dir.Certificates);
        var original = FolderPicture.Of(_dir.Certificates);
        var snapshot = TakeSnapshot();
        new PhysicalFileSystem().DeleteDirectoryTree(_dir.Certificates);

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(original), Is.True);
            Assert.That(report.Count(RestoreFileAction.Restored), Is.EqualTo(SampleFolder.Files.Length));
            Assert.That(report.DisplacedFolder, Is.Null);
        });
    }

    [Test]
    public void RestoreExact_WhenRestored_ReappliesTimesAndReadOnly()
    {
        SampleFolder.Write(_dir.Certificates);
        var path = Path.Combine(_dir.Certificates, SampleFolder.ReadOnlyFile);
        var written = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);

        _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(written));
            Assert.That(File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly), Is.True);
        });
    }

    [Test]
    public void RestoreExact_WhenLiveFilesReplacedOrRemoved_KeepsThemInTheDisplacedArea()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        var regenerated = FolderPicture.Of(_dir.Certificates);

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        var displaced = FolderPicture.Of(Path.Combine(report.DisplacedFolder!, "files"));
        Assert.Multiple(() =>
        {
            Assert.That(report.DisplacedFolder, Does.StartWith(Path.Combine(snapshot.Path, "displaced")));
            foreach (var path in new[] { SampleFolder.ThirdPartyCert, SampleFolder.ThirdPartyKey, SampleFolder.ReadOnlyFile, "HTTPS/ic1.example.com.cer" })
            {
                Assert.That(displaced.Files[path], Is.EqualTo(regenerated.Files[path]), path);
            }

            Assert.That(File.Exists(Path.Combine(report.DisplacedFolder!, "restore.json")), Is.True);
            Assert.That(_store.Verify(snapshot.Id).IsValid, Is.True, "the displaced area is not part of the snapshot's content");
        });
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix modes")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void RestoreExact_WhenFilesDisplaced_DisplacedAreaIsOwnerOnly()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        var displaced = Path.Combine(snapshot.Path, "displaced");
        Assert.Multiple(() =>
        {
            foreach (var directory in Directory.EnumerateDirectories(displaced, "*", SearchOption.AllDirectories).Append(displaced))
            {
                Assert.That(File.GetUnixFileMode(directory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), directory);
            }

            foreach (var file in Directory.EnumerateFiles(report.DisplacedFolder!, "*", SearchOption.AllDirectories))
            {
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), file);
            }
        });
    }

    [Test]
    public void RestoreExact_WhenRunTwice_SecondRunChangesNothing()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        _restorer.RestoreExact(snapshot.Id, _dir.Certificates);
        var once = FolderPicture.Of(_dir.Certificates);

        var second = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(second.Files.Select(f => f.Action).Distinct(), Is.EqualTo(new[] { RestoreFileAction.Unchanged }));
            Assert.That(second.DisplacedFolder, Is.Null);
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(once), Is.True);
        });
    }

    [Test]
    public void RestoreExact_WhenLiveFileIsReadOnly_ReplacesItAndKeepsTheOldOne()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        var path = Path.Combine(_dir.Certificates, SampleFolder.ReadOnlyFile);
        File.SetAttributes(path, FileAttributes.Normal);
        File.WriteAllText(path, "read-only live content");
        File.SetAttributes(path, FileAttributes.ReadOnly);

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        var result = report.Files.Single(f => f.RelativePath == SampleFolder.ReadOnlyFile);
        Assert.Multiple(() =>
        {
            Assert.That(result.Action, Is.EqualTo(RestoreFileAction.Replaced));
            Assert.That(File.ReadAllText(result.DisplacedPath!), Is.EqualTo("read-only live content"));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(SampleFolder.Content(SampleFolder.ReadOnlyFile, "A")));
        });
    }

    [Test]
    public void RestoreExact_WhenSnapshotIsOfAMissingFolder_RemovesTheFolderAndKeepsItsFiles()
    {
        var snapshot = TakeSnapshot(); // first install: no folder yet
        SampleFolder.Write(_dir.Certificates); // the failed install generated a folder
        var generated = FolderPicture.Of(_dir.Certificates);

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(_dir.Certificates), Is.False);
            Assert.That(report.Count(RestoreFileAction.Removed), Is.EqualTo(SampleFolder.Files.Length));
            Assert.That(FolderPicture.ContentUnder(report.DisplacedFolder!), Is.SupersetOf(generated.Files.Values.Select(FolderPicture.Sha)));
        });
    }

    [Test]
    public void RestoreExact_WhenSnapshotIsOfAMissingFolderAndFolderStillMissing_DoesNothing()
    {
        var snapshot = TakeSnapshot();

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(report.Files, Is.Empty);
            Assert.That(Directory.Exists(_dir.Certificates), Is.False);
        });
    }

    [Test]
    public void RestoreExact_WhenSnapshotOfEmptyFolder_LeavesAnEmptyFolder()
    {
        Directory.CreateDirectory(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Write(_dir.Certificates);

        _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.That(Directory.EnumerateFileSystemEntries(_dir.Certificates), Is.Empty);
    }

    [TestCase("modify")]
    [TestCase("truncate")]
    [TestCase("delete")]
    [TestCase("add")]
    public void RestoreExact_WhenSnapshotTampered_RefusesAndChangesNothing(string tamper)
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        var before = FolderPicture.Of(_dir.Certificates);
        SnapshotStoreTests.Tamper(snapshot.Path, tamper);

        var error = Assert.Throws<BackupException>(() => _restorer.RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.SnapshotInvalid));
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
            Assert.That(Directory.Exists(Path.Combine(snapshot.Path, "displaced")), Is.False);
        });
    }

    [Test]
    public void RestoreExact_WhenManifestPathLeavesTheFolder_RefusesWithManifestUnreadable()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SnapshotStoreTests.Tamper(snapshot.Path, "unsafeManifestPath");

        var error = Assert.Throws<BackupException>(() => _restorer.RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.ManifestUnreadable));
            Assert.That(File.Exists(Path.Combine(_dir.Path, "outside", "evil.cer")), Is.False);
        });
    }

    [Test]
    public void RestoreExact_WhenFolderHoldsALink_LeavesItAndNeverTouchesItsTarget()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Write(_dir.Outside, "OUT");
        var outside = FolderPicture.Of(_dir.Outside);
        Directory.CreateSymbolicLink(Path.Combine(_dir.Certificates, "Client", "linked"), _dir.Outside);
        File.CreateSymbolicLink(Path.Combine(_dir.Certificates, "linked.cer"), Path.Combine(_dir.Outside, SampleFolder.MapFile));

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(
                report.Files.Where(f => f.Action == RestoreFileAction.LinkLeftInPlace).Select(f => f.RelativePath),
                Is.EquivalentTo(new[] { "Client/linked", "linked.cer" }));
            Assert.That(FolderPicture.Of(_dir.Outside).SameAs(outside), Is.True);
        });
    }

    [Test]
    public void RestoreExact_WhenALinkIsWhereADirectoryBelongs_ThrowsTargetConflictAndWritesNothingThroughIt()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        Directory.Delete(Path.Combine(_dir.Certificates, "ServerGroup"), recursive: true);
        Directory.CreateDirectory(_dir.Outside);
        Directory.CreateSymbolicLink(Path.Combine(_dir.Certificates, "ServerGroup"), _dir.Outside);

        var error = Assert.Throws<BackupException>(() => _restorer.RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.TargetConflict));
            Assert.That(Directory.EnumerateFileSystemEntries(_dir.Outside), Is.Empty);
        });
    }

    [TestCase(SampleFolder.ThirdPartyKey, false)]
    [TestCase(SampleFolder.MapFile, false)]
    [TestCase("HTTPS/ic1.example.com.cer", false)]
    [TestCase(SampleFolder.MapFile, true)]
    [TestCase("HTTPS/ic1.example.com.cer", true)]
    public void RestoreExact_WhenALiveFileIsLocked_RollsBackAndLeavesTheFolderAsItWas(string lockedFile, bool readable)
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        SampleFolder.WriteFile(_dir.Certificates, SampleFolder.MapFile, "map rewritten by the install"u8.ToArray());
        var before = FolderPicture.Of(_dir.Certificates);
        var store = new SnapshotStore(_dir.BackupRoot, new LockedFileSystem(Path.Combine(_dir.Certificates, lockedFile), readable), _clock, new TestLockProbe(true));

        var error = Assert.Throws<BackupException>(() => new SnapshotRestorer(store).RestoreExact(snapshot.Id, _dir.Certificates));

        var after = FolderPicture.Of(_dir.Certificates);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.RestoreFailedRolledBack));
            Assert.That(after.SameAs(before), Is.True, after.Describe());
        });
    }

    [Test]
    public void RestoreExact_WhenSnapshotMissing_ThrowsSnapshotNotFound()
    {
        var error = Assert.Throws<BackupException>(() => _restorer.RestoreExact("20260101T000000Z-abcdef", _dir.Certificates));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.SnapshotNotFound));
    }

    [Test]
    public void PutBack_WhenSubsetGiven_RestoresOnlyThoseFiles()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        var regenerated = FolderPicture.Of(_dir.Certificates);

        var report = _restorer.PutBack(snapshot.Id, _dir.Certificates, new[] { SampleFolder.ThirdPartyCert, SampleFolder.IcCaCert.Replace('/', '\\') });

        var after = FolderPicture.Of(_dir.Certificates);
        Assert.Multiple(() =>
        {
            Assert.That(report.Files.Select(f => (f.RelativePath, f.Action)), Is.EquivalentTo(new[]
            {
                (SampleFolder.IcCaCert, RestoreFileAction.Restored),
                (SampleFolder.ThirdPartyCert, RestoreFileAction.Replaced),
            }));
            Assert.That(after.Files[SampleFolder.ThirdPartyCert], Is.EqualTo(SampleFolder.Content(SampleFolder.ThirdPartyCert, "A")));
            Assert.That(after.Files[SampleFolder.IcCaCert], Is.EqualTo(SampleFolder.Content(SampleFolder.IcCaCert, "A")));
            Assert.That(after.Files[SampleFolder.ThirdPartyKey], Is.EqualTo(regenerated.Files[SampleFolder.ThirdPartyKey]));
            Assert.That(after.Files["HTTPS/ic1.example.com.cer"], Is.EqualTo(regenerated.Files["HTTPS/ic1.example.com.cer"]));
        });
    }

    [Test]
    public void PutBack_WhenPathNotInSnapshot_ThrowsPathNotInSnapshotAndChangesNothing()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        var before = FolderPicture.Of(_dir.Certificates);

        var error = Assert.Throws<BackupException>(() => _restorer.PutBack(snapshot.Id, _dir.Certificates, new[] { SampleFolder.ThirdPartyCert, "HTTPS/ic1.example.com.cer" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.PathNotInSnapshot));
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
        });
    }

    [Test]
    public void RestoreThirdParty_WhenFolderRegenerated_PutsBackOnlyThirdPartyFiles()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);

        var report = _restorer.RestoreThirdParty(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(report.Files.Select(f => f.RelativePath), Is.EquivalentTo(new[] { SampleFolder.ThirdPartyCert, SampleFolder.ThirdPartyKey }));
            Assert.That(File.Exists(Path.Combine(_dir.Certificates, SampleFolder.IcCaCert)), Is.False);
            Assert.That(File.ReadAllBytes(Path.Combine(_dir.Certificates, SampleFolder.ThirdPartyKey)), Is.EqualTo(SampleFolder.Content(SampleFolder.ThirdPartyKey, "A")));
        });
    }

    [Test]
    public void RestoreExact_WhenLockHeld_ThrowsLockHeldAndChangesNothing()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        SampleFolder.Regenerate(_dir.Certificates);
        var before = FolderPicture.Of(_dir.Certificates);
        using var held = _store.AcquireLock("another install");

        var error = Assert.Throws<BackupException>(() => _restorer.RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.LockHeld));
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
        });
    }

    [Test]
    public void RestoreExact_WhenStagingLeftoverExists_KeepsItAsideAndRemovesIt()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        var leftover = Path.Combine(_dir.Certificates, SampleFolder.ThirdPartyCert + ".0123456789abcdef.certinstaller-staging");
        File.WriteAllBytes(leftover, Encoding.UTF8.GetBytes("torn"));

        var report = _restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(leftover), Is.False);
            Assert.That(report.Count(RestoreFileAction.StagingLeftoverDeleted), Is.EqualTo(1));
            Assert.That(FolderPicture.ContentUnder(snapshot.Path), Does.Contain(FolderPicture.Sha(Encoding.UTF8.GetBytes("torn"))), "kept aside, not lost");
        });
    }

    [Test]
    public void PutBack_WhenStagingLeftoverExists_KeepsItAsideAndRemovesIt()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = TakeSnapshot();
        var leftover = Path.Combine(_dir.Certificates, SampleFolder.IcCaCert + ".fedcba9876543210.certinstaller-staging");
        File.WriteAllBytes(leftover, Encoding.UTF8.GetBytes("torn"));

        var report = _restorer.PutBack(snapshot.Id, _dir.Certificates, new[] { SampleFolder.ThirdPartyCert });

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(leftover), Is.False);
            Assert.That(report.Count(RestoreFileAction.StagingLeftoverDeleted), Is.EqualTo(1));
            Assert.That(FolderPicture.ContentUnder(snapshot.Path), Does.Contain(FolderPicture.Sha(Encoding.UTF8.GetBytes("torn"))));
        });
    }

    private SnapshotInfo TakeSnapshot()
    {
        var snapshot = _store.Create(new SnapshotRequest(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" });
        _clock.Advance(TimeSpan.FromMinutes(1));
        return snapshot;
    }
}
