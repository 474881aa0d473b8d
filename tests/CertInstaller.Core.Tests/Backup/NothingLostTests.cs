using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>The defects of issue 11 ("Nothing lost, for real") that live in the backup engine, each reproduced.</summary>
public class NothingLostTests
{
    private TempDir _dir = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Prune_WhenTheNewestSnapshotIsDamaged_KeepsTheOlderIntactOneAndTheDamagedOne()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store(_dir.BackupRoot);
        var older = Take(store);
        store.Prune(new RetentionPolicy(1));
        var newer = Take(store);
        SnapshotStoreTests.Tamper(newer.Path, "modify");

        var result = store.Prune(new RetentionPolicy(1));

        Assert.That(result.Decisions.Select(d => (d.Id, d.Keep, d.Reason)), Is.EquivalentTo(new[]
        {
            (newer.Id, true, RetentionReason.FailedVerification),
            (older.Id, true, RetentionReason.Newest),
        }));
        Assert.That(store.Verify(older.Id).IsValid, Is.True);
        Assert.That(result.Failed.Select(f => f.SnapshotId), Is.EqualTo(new[] { newer.Id }));
    }

    [Test]
    public void Prune_WhenAManifestIsTruncated_KeepsThatSnapshotAndCountsItAsNoCopy()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store(_dir.BackupRoot);
        var older = Take(store);
        var newer = Take(store);
        var manifest = Path.Combine(newer.Path, "manifest.json");
        File.WriteAllBytes(manifest, File.ReadAllBytes(manifest)[..40]);

        var result = store.Prune(new RetentionPolicy(1));

        Assert.That(result.Decisions.Select(d => (d.Id, d.Keep, d.Reason)), Is.EquivalentTo(new[]
        {
            (newer.Id, true, RetentionReason.FailedVerification),
            (older.Id, true, RetentionReason.Newest),
        }));
    }

    [Test]
    public void PlantedFolder_WithAnEditedManifest_IsNeverNewestNeverCountedAndNeverDeleted()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store(_dir.BackupRoot);
        var real = Take(store);
        var plantedId = "20301231T235959Z-abcdef";
        var planted = Path.Combine(_dir.BackupRoot, plantedId);
        SnapshotStoreTests.CopyDirectory(real.Path, planted); // folders made as anyone makes them: not private
        var manifestPath = Path.Combine(planted, "manifest.json");
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace(real.Id, plantedId).Replace("2026-11-26", "2030-12-31"));

        var newest = store.NewestIntact();
        var result = store.Prune(new RetentionPolicy(1));

        Assert.That(newest?.Id, Is.EqualTo(real.Id));
        Assert.That(result.Decisions.Select(d => (d.Id, d.Keep, d.Reason)), Is.EquivalentTo(new[]
        {
            (plantedId, true, RetentionReason.FailedVerification),
            (real.Id, true, RetentionReason.Newest),
        }));
        Assert.That(store.Verify(plantedId).Issues.Select(i => i.Code), Is.EqualTo(new[] { VerificationIssueCode.NotPrivate }));
        Assert.That(Assert.Throws<BackupException>(() => new SnapshotRestorer(store).RestoreExact(plantedId, _dir.Certificates))!.Code,
            Is.EqualTo(BackupErrorCode.SnapshotInvalid));
    }

    [Test]
    public void VerifyAll_WhenAManifestIsTruncated_ReportsThatSnapshotDamaged()
    {
        SampleFolder.Write(_dir.Certificates);
        var store = Store(_dir.BackupRoot);
        var intact = Take(store);
        var damaged = Take(store);
        var manifest = Path.Combine(damaged.Path, "manifest.json");
        File.WriteAllBytes(manifest, File.ReadAllBytes(manifest)[..40]);

        var results = store.VerifyAll();

        Assert.That(results.Select(r => (r.SnapshotId, r.IsValid)), Is.EqualTo(new[] { (damaged.Id, false), (intact.Id, true) }));
        Assert.That(results[0].Issues.Select(i => i.Code), Is.EqualTo(new[] { VerificationIssueCode.ManifestUnreadable }));
        Assert.That(store.Verify(damaged.Id).Issues.Select(i => i.Code), Is.EqualTo(new[] { VerificationIssueCode.ManifestUnreadable }), "verify --snapshot reports it too");
    }

    [Test]
    public void Store_WhenTheBackupRootIsASymlink_ListsVerifiesRestoresAndPrunes()
    {
        SampleFolder.Write(_dir.Certificates);
        var real = Path.Combine(_dir.Path, "RealBackups");
        Directory.CreateDirectory(real);
        Directory.CreateSymbolicLink(_dir.BackupRoot, real);
        var store = Store(_dir.BackupRoot);
        var first = Take(store);
        var second = Take(store);

        Assert.That(store.List().Select(s => s.Id), Is.EqualTo(new[] { second.Id, first.Id }));
        Assert.That(store.VerifyAll().All(r => r.IsValid), Is.True);
        Assert.That(store.NewestIntact()?.Id, Is.EqualTo(second.Id));
        Assert.That(store.Prune(new RetentionPolicy(1)).Deleted, Is.EqualTo(new[] { first.Id }));
        Assert.That(Directory.EnumerateDirectories(real).Select(Path.GetFileName), Is.EqualTo(new[] { second.Id }));
    }

    [Test]
    public void Store_WhenASymlinkedRootLeadsIntoTheCertificatesFolder_RefusesAsOverlapping()
    {
        SampleFolder.Write(_dir.Certificates);
        Directory.CreateSymbolicLink(_dir.BackupRoot, Path.Combine(_dir.Certificates, "CSRs"));

        var error = Assert.Throws<BackupException>(() => Store(_dir.BackupRoot).Create(Request()));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.InvalidArgument));
    }

    [Test]
    public void Create_WhileARestoreFromAnotherRootHoldsTheFolder_ThrowsLockHeldAndWritesNoSnapshot()
    {
        SampleFolder.Write(_dir.Certificates);
        var restoring = Store(_dir.BackupRoot);
        var other = Store(Path.Combine(_dir.Path, "OtherBackups"));
        using var held = restoring.AcquireFolderLock(_dir.Certificates, "restore of a snapshot", createParent: false);

        var backup = Assert.Throws<BackupException>(() => other.Create(Request()));
        var restore = Assert.Throws<BackupException>(() => new SnapshotRestorer(other).RestoreExact("20261126T221500Z-abcdef", _dir.Certificates));

        Assert.That(backup!.Code, Is.EqualTo(BackupErrorCode.LockHeld));
        Assert.That(backup.FilePath, Is.EqualTo(Path.Combine(Path.GetDirectoryName(_dir.Certificates)!, "Certificates.certinstaller.lock")));
        Assert.That(restore!.Code, Is.EqualTo(BackupErrorCode.SnapshotNotFound).Or.EqualTo(BackupErrorCode.LockHeld));
        Assert.That(other.List(), Is.Empty);
    }

    [Test]
    public void RestoreExact_WhileAnotherRootRestoresTheSameFolder_ThrowsLockHeldNotADiskError()
    {
        SampleFolder.Write(_dir.Certificates);
        var first = Store(_dir.BackupRoot);
        var second = Store(Path.Combine(_dir.Path, "OtherBackups"));
        Take(first);
        var fromSecond = Take(second);
        SampleFolder.Regenerate(_dir.Certificates);
        var before = FolderPicture.Of(_dir.Certificates);
        using var held = first.AcquireFolderLock(_dir.Certificates, "restore of a snapshot", createParent: false);

        var error = Assert.Throws<BackupException>(() => new SnapshotRestorer(second).RestoreExact(fromSecond.Id, _dir.Certificates));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.LockHeld));
        Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix modes; Windows ACLs go through the same GetPermissions/SetPermissions")]
    [UnsupportedOSPlatform("windows")]
    public void RestoreExact_AfterModesChanged_GivesBackEachFilesMode()
    {
        SampleFolder.Write(_dir.Certificates);
        var map = Path.Combine(_dir.Certificates, SampleFolder.MapFile);
        var readOnly = Path.Combine(_dir.Certificates, SampleFolder.ReadOnlyFile);
        File.SetUnixFileMode(map, (UnixFileMode)Convert.ToInt32("644", 8));
        File.SetUnixFileMode(readOnly, (UnixFileMode)Convert.ToInt32("444", 8));
        var store = Store(_dir.BackupRoot);
        var snapshot = Take(store);
        SampleFolder.Regenerate(_dir.Certificates);
        SampleFolder.WriteFile(_dir.Certificates, SampleFolder.MapFile, "rewritten"u8.ToArray());
        File.SetUnixFileMode(map, (UnixFileMode)Convert.ToInt32("600", 8));

        new SnapshotRestorer(store).RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.That(Convert.ToString((int)File.GetUnixFileMode(map), 8), Is.EqualTo("644"));
        Assert.That(Convert.ToString((int)File.GetUnixFileMode(readOnly), 8), Is.EqualTo("444"));
        Assert.That(snapshot.Manifest.Files.Single(f => f.RelativePath == SampleFolder.MapFile).Permissions, Is.EqualTo("644"));
    }

    [Test]
    public void RestoreExact_OnANearlyFullVolume_NeedsRoomForOneStagedFileOnly()
    {
        SampleFolder.Write(_dir.Certificates);
        var clean = Store(_dir.BackupRoot);
        var snapshot = Take(clean);
        SampleFolder.Regenerate(_dir.Certificates);
        var before = FolderPicture.Of(_dir.Certificates);
        var largest = snapshot.Manifest.Files.Max(f => f.Size);
        var restored = snapshot.Manifest.Files.Where(f => !before.Files.ContainsKey(f.RelativePath)).Sum(f => f.Size);
        var capacity = before.Files.Values.Sum(b => (long)b.Length) + restored + largest;
        var full = new QuotaFileSystem(_dir.Certificates, capacity);

        new SnapshotRestorer(new SnapshotStore(_dir.BackupRoot, full, _clock, new TestLockProbe(false))).RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(FolderPicture.Of(Path.Combine(snapshot.Path, "files"))), Is.True);
        Assert.That(full.Refused, Is.Zero);
    }

    [Test]
    public void Create_WhenAnAdminFileEndsWithTheStagingSuffix_SnapshotsItAndRestoresKeepIt()
    {
        // The suffix alone reserves nothing: an admin's file of that name is the folder's own (issue 25, item 4).
        SampleFolder.Write(_dir.Certificates);
        var adminFile = SampleFolder.ThirdPartyCert + ".certinstaller-staging";
        SampleFolder.WriteFile(_dir.Certificates, adminFile, "an admin's own copy"u8.ToArray());
        var store = Store(_dir.BackupRoot);

        var snapshot = Take(store);
        var restorer = new SnapshotRestorer(store);
        restorer.PutBack(snapshot.Id, _dir.Certificates, new[] { SampleFolder.ThirdPartyKey });
        var exact = restorer.RestoreExact(snapshot.Id, _dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Manifest.Files.Select(f => f.RelativePath), Does.Contain(adminFile));
            Assert.That(snapshot.Manifest.Skipped, Is.Empty);
            Assert.That(File.ReadAllBytes(Path.Combine(_dir.Certificates, adminFile)), Is.EqualTo("an admin's own copy"u8.ToArray()));
            Assert.That(exact.Count(RestoreFileAction.StagingLeftoverDeleted), Is.Zero);
        });
    }

    private SnapshotInfo Take(SnapshotStore store)
    {
        var snapshot = store.Create(Request());
        _clock.Advance(TimeSpan.FromMinutes(1));
        return snapshot;
    }

    private SnapshotStore Store(string root) => new(root, new PhysicalFileSystem(), _clock, new TestLockProbe(holdersAlive: true));

    private SnapshotRequest Request() => new(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" };
}
