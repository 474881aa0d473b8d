using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.IO;
using CertInstaller.Core.Tests.Backup;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Pki;
using CertInstaller.Samples;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Installer.Tests.Operations;

public class ActionRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TempDir _temp = null!;
    private string _certs = null!;
    private string _backups = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDir();
        _certs = Path.Combine(_temp.Path, "Certificates");
        _backups = Path.Combine(_temp.Path, "Backups");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private ActionData Data => new() { CertDir = _certs, BackupDir = _backups, ProductCode = "{P}", ProductVersion = "1.0", Validation = ValidationMode.Enforce };

    private ActionOutcome Run(ActionOperation op, ActionData? data = null)
    {
        var outcome = new ActionRunner(BackupPorts.Machine with { Clock = new FixedClock(Now) }).Run(op, data ?? Data);
        foreach (var line in outcome.Lines) TestContext.Out.WriteLine(line);
        return outcome;
    }

    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void Preserve_WhenInstallRegeneratedThirdPartyFolder_PutsThirdPartyBackAndValidates(TrustMode trust)
    {
        var builder = new IcFolderBuilder();
        var original = builder.BuildServer(_certs, new IcFolderSpec { Trust = trust });
        var before = FolderPicture.Of(_certs).Hashes;

        Assert.That(Run(ActionOperation.Backup).Succeeded, Is.True);
        builder.BuildServer(_certs, new IcFolderSpec { KeySeed = "regenerated" }); // what an IC install does
        Assert.That(FolderPicture.Of(_certs).Hashes, Is.Not.EqualTo(before));
        Assert.That(Run(ActionOperation.Preserve).Succeeded, Is.True);
        var validate = Run(ActionOperation.Validate);

        var after = FolderPicture.Of(_certs).Hashes;
        foreach (var file in original.ThirdPartyFiles)
            Assert.That(after[file], Is.EqualTo(before[file]), file);
        Assert.That(validate.Succeeded, Is.True);
        Assert.That(validate.Lines.Where(l => l.Level != LogLevel.Info), Is.Empty, "no finding at all, world-readable restored keys included");
        Assert.That(Run(ActionOperation.Preserve).Lines.Any(l => l.Text.Contains("0 put back")), Is.True, "a second run changes nothing");
    }

    [Test]
    public void RestoreOnRollback_AfterBackupAndChanges_RestoresFolderByteForByte()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var before = FolderPicture.Of(_certs).Hashes;
        Run(ActionOperation.Backup);
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { KeySeed = "regenerated", Server = "ic2" });
        File.Delete(Path.Combine(_certs, "ServerGroup", "ServerGroupCertificate.cer"));

        Assert.That(Run(ActionOperation.RestoreOnRollback).Succeeded, Is.True);

        Assert.That(FolderPicture.Of(_certs).Hashes, Is.EqualTo(before));
    }

    [Test]
    public void RestoreOnRollback_WhenStoreLostTheRootMeanwhile_RestoresAndWarnsWithTheCodeNeverImports()
    {
        var folder = new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        var stores = new FakeMachineStores();
        stores.Add(Core.Store.MachineStore.My, folder.ServerGroup, key: true, Core.Store.KeyExportability.Yes);
        stores.Add(Core.Store.MachineStore.Root, folder.ExternalCa!.Value.Root);
        var runner = new ActionRunner(BackupPorts.Machine with { Clock = new FixedClock(Now), CertificateStores = stores });
        Assert.That(runner.Run(ActionOperation.Backup, Data).Succeeded, Is.True);
        stores.Remove(Core.Store.MachineStore.Root, folder.ExternalCa!.Value.Root);

        var outcome = runner.Run(ActionOperation.RestoreOnRollback, Data);

        Assert.That(outcome.Succeeded, Is.True, "the folder was restored; the store is reported, not a failed rollback");
        Assert.That(outcome.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Code?.Number), Is.EqualTo(new int?[] { 13050 }));
        Assert.That(stores.List(Core.Store.MachineStore.Root), Is.Empty, "nothing was re-imported");
    }

    // The store record takes the path Validate's minimum digest accepts, not always SHA-256's: with a SHA-1 cross-signed
    // copy of the issuing CA (same key, valid for longer) next to the SHA-256 one, a site that allows SHA-1 relies on the
    // copy, one that demands SHA-256 on the original. When the original leaves CA, only the second has lost its path.
    // The minimum comes from MinDigest (CERTINSTALLER_MIN_DIGEST) or, over it, from the policy file, as Validate's does.
    [TestCase(DigestAlgorithm.Sha1, false, new int[] { })]
    [TestCase(DigestAlgorithm.Sha256, false, new[] { 13051 })]
    [TestCase(DigestAlgorithm.Sha1, true, new int[] { })]
    public void Backup_RecordsTheStorePathAtTheConfiguredMinimumDigest(DigestAlgorithm minimum, bool byPolicyFile, int[] driftWhenTheSha256CopyIsGone)
    {
        var folder = new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        var (root, issuing) = folder.ExternalCa!.Value;
        var sha1Copy = CertificateFactory.Issue(CertificateSpec.Ca(issuing.Certificate.SubjectDN.ToString(), 2) with
        {
            Digest = DigestAlgorithm.Sha1, NotBefore = folder.Spec.NotBefore.AddDays(1), NotAfter = folder.Spec.NotAfter.AddYears(1),
        }, issuing.Keys, root);
        var stores = new FakeMachineStores();
        stores.Add(Core.Store.MachineStore.My, folder.ServerGroup, key: true, Core.Store.KeyExportability.Yes);
        stores.Add(Core.Store.MachineStore.CA, sha1Copy);
        stores.Add(Core.Store.MachineStore.CA, issuing);
        stores.Add(Core.Store.MachineStore.Root, root);
        var ports = BackupPorts.Machine with { Clock = new FixedClock(Now), CertificateStores = stores };
        var policyFile = Path.Combine(_temp.Path, "policy.json");
        File.WriteAllText(policyFile, $"{{\"minDigest\": \"{minimum.ToDisplayName()}\"}}");
        var data = byPolicyFile ? Data with { PolicyFile = policyFile } : Data with { MinDigest = minimum };

        Assert.That(new ActionRunner(ports).Run(ActionOperation.Backup, data).Succeeded, Is.True);

        var snapshot = ports.Store(_backups).Open(TransactionMarker.Read(_backups, data.ProductCode)!.SnapshotId);
        var validated = new Core.Store.StoreChecker(stores).Chain(new Core.Store.StoreCheckRequest(folder.ServerGroup.Certificate, "ServerGroup", Now, 0, minimum));
        Assert.That(snapshot.Manifest.Store!.Certificates.Select(c => c.Thumbprint), Is.EqualTo(validated.Path.Select(c => Core.Store.Thumbprints.Of(c.GetEncoded()))),
            "the recorded path is the one the store check validates at this minimum");
        Assert.That(snapshot.Manifest.Store.Certificates[1].Thumbprint,
            Is.EqualTo(Core.Store.Thumbprints.Of((minimum == DigestAlgorithm.Sha1 ? sha1Copy : issuing).Certificate.GetEncoded())));

        stores.Remove(Core.Store.MachineStore.CA, issuing);
        var rollback = new ActionRunner(ports).Run(ActionOperation.RestoreOnRollback, data);

        Assert.That(rollback.Succeeded, Is.True);
        Assert.That(rollback.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Code?.Number), Is.EqualTo(driftWhenTheSha256CopyIsGone.Cast<int?>()));
    }

    [Test]
    public void RestoreOnRollback_WhenFirstInstallCreatedFolder_RemovesWhatInstallCreated()
    {
        Run(ActionOperation.Backup);
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());

        Assert.That(Run(ActionOperation.RestoreOnRollback).Succeeded, Is.True);

        Assert.That(FolderPicture.Of(_certs).Hashes, Is.Empty);
    }

    [Test]
    public void RestoreOnRollback_WhenBackupNeverRan_ChangesNothing()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        var before = FolderPicture.Of(_certs).Hashes;

        var outcome = Run(ActionOperation.RestoreOnRollback);

        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(FolderPicture.Of(_certs).Hashes, Is.EqualTo(before));
    }

    [Test]
    public void Validate_WhenEnforceAndThirdPartyExpired_Fails()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, ThirdPartyNotAfter = Now.AddDays(-3) });

        var enforce = Run(ActionOperation.Validate);
        var warn = Run(ActionOperation.Validate, Data with { Validation = ValidationMode.Warn });

        Assert.That(enforce.Succeeded, Is.False);
        Assert.That(enforce.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Code), Has.Member(CodeRegistry.Of(FindingCode.Expired)));
        Assert.That(warn.Succeeded, Is.True);
        Assert.That(warn.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Code), Has.Member(CodeRegistry.Of(FindingCode.Expired)));
    }

    [Test]
    public void Validate_WhenPolicyTurnsTheFindingsCodeOff_PassesUnderEnforce()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, ThirdPartyNotAfter = Now.AddDays(-3) });
        var policy = _temp.Write("policy.json", """{ "severities": { "CI3002": "off" } }""");

        var withPolicy = Run(ActionOperation.Validate, Data with { PolicyFile = policy });
        var without = Run(ActionOperation.Validate);

        Assert.That(withPolicy.Succeeded, Is.True);
        Assert.That(without.Succeeded, Is.False);
    }

    [Test]
    public void Validate_WhenExpiryWarningDaysAndPolicyGiven_BothReachTheRules()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, ThirdPartyNotAfter = Now.AddDays(200) });
        var policy = _temp.Write("policy.json", """{ "severities": { "ExpiringSoon": "error" } }""");

        var near = Run(ActionOperation.Validate, Data with { PolicyFile = policy });
        var far = Run(ActionOperation.Validate, Data with { PolicyFile = policy, ExpiryWarningDays = 365 });

        Assert.That(near.Succeeded, Is.True, "200 days away is outside the default 30-day window");
        Assert.That(far.Succeeded, Is.False);
        Assert.That(far.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Code), Has.Member(CodeRegistry.Of(FindingCode.ExpiringSoon)));
    }

    [Test]
    public void Validate_WhenPolicyFileIsMissing_FailsUnderEnforceNamingThePropertyAndWarnsOtherwise()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        var missing = Path.Combine(_temp.Path, "nowhere.json");

        var enforce = Run(ActionOperation.Validate, Data with { PolicyFile = missing });
        var warn = Run(ActionOperation.Validate, Data with { PolicyFile = missing, Validation = ValidationMode.Warn });

        Assert.That(enforce.Succeeded, Is.False);
        Assert.That(enforce.Lines.Single(l => l.Level == LogLevel.Error).Text, Does.Contain(missing).And.Contain("CERTINSTALLER_POLICY"));
        Assert.That(warn.Succeeded, Is.True);
        Assert.That(warn.Lines.Any(l => l.Level == LogLevel.Warning && l.Text.Contains("CERTINSTALLER_POLICY")), Is.True);
        Assert.That(enforce.Lines.Single(l => l.Level == LogLevel.Error).Code, Is.EqualTo(CodeRegistry.Of(PolicyErrorCode.PolicyUnreadable)));
        Assert.That(warn.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Code), Has.Member(CodeRegistry.Of(PolicyErrorCode.PolicyUnreadable)));
    }

    [Test]
    public void Preserve_WhenBackupDidNotRun_FailsWithBackupNotRunAndChangesNothing()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        var before = FolderPicture.Of(_certs);

        var outcome = Run(ActionOperation.Preserve, Data);

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Lines.Single(l => l.Level == LogLevel.Error).Code, Is.EqualTo(CodeRegistry.Of(InputErrorCode.BackupNotRun)));
        Assert.That(FolderPicture.Of(_certs).SameAs(before), Is.True);
    }

    [TestCase("""{ "minRsaBits": "2048" }""", PolicyErrorCode.PolicyNumberOutOfRange)]
    [TestCase("""{ "severities": { "CI9999": "off" } }""", PolicyErrorCode.PolicyCodeUnknown)]
    public void Validate_WhenPolicyFileIsInvalid_FailsUnderEnforceWithThePolicyCode(string json, PolicyErrorCode code)
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        var policy = _temp.Write("policy.json", json);

        var enforce = Run(ActionOperation.Validate, Data with { PolicyFile = policy });

        Assert.That(enforce.Succeeded, Is.False);
        Assert.That(enforce.Lines.Single(l => l.Level == LogLevel.Error).Code, Is.EqualTo(CodeRegistry.Of(code)));
    }

    [Test]
    public void Preserve_WhenTheInstallAddedFilesUnderTheRootItDisplaced_NamesThemAndLeavesThemInPlace()
    {
        var builder = new IcFolderBuilder();
        builder.BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        Assert.That(Run(ActionOperation.Backup).Succeeded, Is.True);
        builder.BuildServer(_certs, new IcFolderSpec { KeySeed = "regenerated", RemotePeers = 1 });
        const string orphan = "Client/Remote_Subsystems/peer001/ic1_ClientCertificate.cer";

        var preserve = Run(ActionOperation.Preserve);
        var validate = Run(ActionOperation.Validate);

        Assert.That(preserve.Succeeded, Is.True);
        Assert.That(preserve.Lines.Any(l => l.Level == LogLevel.Warning && l.Code == CodeRegistry.Of(FindingCode.OrphanedByDisplacedRoot) && l.Text.Contains(orphan)), Is.True);
        Assert.That(File.Exists(Path.Combine(_certs, orphan)), Is.True, "report only: Preserve never deletes");
        Assert.That(validate.Succeeded, Is.False);
        Assert.That(validate.Lines.Any(l => l.Level == LogLevel.Error && l.Code == CodeRegistry.Of(FindingCode.OrphanedByDisplacedRoot) && l.Text.Contains(orphan)), Is.True);
    }

    [Test]
    public void Commit_AfterManyInstalls_KeepsRetainedSnapshots()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        var data = Data with { Retain = 2 };
        for (var i = 0; i < 4; i++) Run(ActionOperation.Backup, data);

        var all = new SnapshotStore(_backups).List().Select(s => s.Id).ToList();

        Assert.That(Run(ActionOperation.Commit, data).Succeeded, Is.True);

        // Same content and the same clock: the two newest by id stay (the newest clean one is among them), the rest go.
        var left = new SnapshotStore(_backups).List();
        Assert.That(all, Has.Count.EqualTo(4));
        Assert.That(left.Select(s => s.Id), Is.EqualTo(all.OrderByDescending(id => id, StringComparer.Ordinal).Take(2)));
    }

    [Test]
    public void Commit_WhenTheNewestSnapshotWasDamaged_KeepsTheOlderIntactOneAndWarns()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var clock = new TestClock { UtcNow = Now };
        var runner = new ActionRunner(BackupPorts.Machine with { Clock = clock });
        var data = Data with { Retain = 1 };
        runner.Run(ActionOperation.Backup, data);
        runner.Run(ActionOperation.Commit, data);
        clock.Advance(TimeSpan.FromMinutes(5));
        runner.Run(ActionOperation.Backup, data);
        var store = new SnapshotStore(_backups);
        var (newer, older) = (store.List()[0], store.List()[1]);
        var copy = Directory.EnumerateFiles(Path.Combine(newer.Path, "files"), "*", SearchOption.AllDirectories).First();
        File.AppendAllText(copy, "damaged");

        var commit = runner.Run(ActionOperation.Commit, data);

        Assert.That(commit.Succeeded, Is.True);
        Assert.That(store.List().Select(s => s.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
        Assert.That(store.Verify(older.Id).IsValid, Is.True);
        Assert.That(commit.Lines.Where(l => l.Level == LogLevel.Warning && l.Text.Contains(newer.Id)).Select(l => l.Code?.Area), Is.EqualTo(new CodeArea?[] { CodeArea.SnapshotVerification }));
    }

    [TestCase(ActionOperation.Backup)]
    [TestCase(ActionOperation.RestoreOnRollback)]
    public void BackupThenRollback_WhenThePowerFailsAtAnyStep_ARerunStillRestoresTheFolderByteForByte(ActionOperation cutDuring)
    {
        var total = int.MaxValue;
        for (var k = 0; k <= total; k++)
        {
            using var temp = new TempDir();
            var data = Data with { CertDir = Path.Combine(temp.Path, "Certificates"), BackupDir = Path.Combine(temp.Path, "Backups") };
            new IcFolderBuilder().BuildServer(data.CertDir, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
            var before = FolderPicture.Of(data.CertDir).Hashes;
            var clock = new TestClock { UtcNow = Now };
            var clean = new ActionRunner(new BackupPorts(new PhysicalFileSystem(), clock, new TestLockProbe(false)));
            var faulty = new FaultInjectingFileSystem(new PhysicalFileSystem(), k, FaultMode.PowerCut);
            var cut = new ActionRunner(new BackupPorts(faulty, clock, new TestLockProbe(true)));

            if (cutDuring == ActionOperation.Backup)
            {
                cut.Run(ActionOperation.Backup, data);
                clock.Advance(TimeSpan.FromMinutes(1));
                Assert.That(clean.Run(ActionOperation.Backup, data).Succeeded, Is.True, $"k={k}: re-run of Backup");
                new IcFolderBuilder().BuildServer(data.CertDir, new IcFolderSpec { KeySeed = "failed-install" });
                Assert.That(clean.Run(ActionOperation.RestoreOnRollback, data).Succeeded, Is.True, $"k={k}");
            }
            else
            {
                Assert.That(clean.Run(ActionOperation.Backup, data).Succeeded, Is.True);
                new IcFolderBuilder().BuildServer(data.CertDir, new IcFolderSpec { KeySeed = "failed-install" });
                cut.Run(ActionOperation.RestoreOnRollback, data);
                clock.Advance(TimeSpan.FromMinutes(1));
                Assert.That(clean.Run(ActionOperation.RestoreOnRollback, data).Succeeded, Is.True, $"k={k}: re-run of the rollback; ops: {string.Join(" | ", faulty.Log)}");
            }

            Assert.That(FolderPicture.Of(data.CertDir).Hashes, Is.EqualTo(before), $"k={k}/{total}; ops: {string.Join(" | ", faulty.Log)}");
            if (k == 0) total = faulty.MutationCount;
        }

        TestContext.Out.WriteLine($"{cutDuring}: a power cut at each of {total} steps, each followed by a re-run that restored the folder");
        Assert.That(total, Is.GreaterThanOrEqualTo(20));
    }

    [Test]
    public void Run_WhenActionDataInvalid_FailsWithProblemsAndTouchesNothing()
    {
        var outcome = new ActionRunner().Run(ActionOperation.Backup, "CertDir=;BackupDir=", out var data);

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(data, Is.Null);
        Assert.That(outcome.Codes, Is.EqualTo(new[] { CodeRegistry.Of(ActionDataProblemCode.FolderMissing), CodeRegistry.Of(ActionDataProblemCode.FolderMissing) }));
        Assert.That(outcome.Lines.Select(l => l.Level), Is.All.EqualTo(LogLevel.Error));
    }

    [Test]
    public void RestoreOnRollback_WhenBackupFailedAfterAStaleMarker_ChangesNothing()
    {
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec());
        Run(ActionOperation.Backup); // an earlier installation that died before commit leaves its marker
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { KeySeed = "renewed-since" });
        var now = FolderPicture.Of(_certs).Hashes;
        var lockPath = Path.Combine(_backups, "certinstaller.lock");
        Directory.CreateDirectory(lockPath); // the backup root cannot take its lock: this Backup fails

        var backup = Run(ActionOperation.Backup);
        var rollback = Run(ActionOperation.RestoreOnRollback);

        Assert.That(backup.Succeeded, Is.False);
        Assert.That(TransactionMarker.Read(_backups, "{P}"), Is.Null, "a failed Backup leaves no marker of an older installation behind");
        Assert.That(rollback.Succeeded, Is.True);
        Assert.That(FolderPicture.Of(_certs).Hashes, Is.EqualTo(now), "the old snapshot must not be rolled back over the current folder");
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : CertInstaller.Core.IO.IClock
{
    public DateTimeOffset UtcNow => now;
}
