using CertInstaller.Samples;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>validate, backup and preserve over generated IC folders, as an admin runs them.</summary>
public class FolderCommandTests
{
    private TempDir _root = null!;
    private string Certs => Path.Combine(_root.Path, "Certificates");
    private string Backups => Path.Combine(_root.Path, "Backups");

    [SetUp]
    public void SetUp() => _root = new TempDir("ci-harness-folder-");

    [TearDown]
    public void TearDown() => _root.Dispose();

    private IcFolder Site(TrustMode trust = TrustMode.ThirdPartyServerGroup, IcFolderSpec? spec = null) =>
        new IcFolderBuilder().BuildServer(Certs, (spec ?? new IcFolderSpec()) with { Trust = trust });

    [Test(Description = "validate-thirdparty-to-json")]
    public void Validate_WhenHealthy_ExitsZeroWithValidJson()
    {
        Site();

        var run = HarnessRun.Of("validate", Certs, "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(run.Json.GetProperty("findings").GetArrayLength(), Is.Zero);
    }

    [Test(Description = "validate-expired-to-json")]
    public void Validate_WhenExpired_ExitsOneWithCodedFindings()
    {
        Site(TrustMode.ThirdPartyPerUseType, new IcFolderSpec { ThirdPartyNotAfter = DateTimeOffset.UtcNow.AddDays(-2) });

        var run = HarnessRun.Of("validate", Certs, "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        var findings = run.Json.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings.Select(f => (f.GetProperty("code").GetString(), f.GetProperty("severity").GetString())).Distinct(),
            Is.EqualTo(new[] { ("CI3002", "error") }));
        Assert.That(findings.Select(f => f.GetProperty("path").GetString()), Is.EquivalentTo(new[]
        {
            "Client/Local_Subsystems/ic1_ClientCertificate.cer", "Client/Local_Subsystems/ic1_ServerCertificate.cer",
        }));
    }

    [Test(Description = "validate-host-to-text")]
    public void Validate_WhenHostNotInSans_ExitsOneNamingFileAndFix()
    {
        Site();

        var run = HarnessRun.Of("validate", Certs, "--host", "other.example.com");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Does.Contain("CI3007 Client/Local_Subsystems/ic1_ServerCertificate.cer").And.Contain("NOT valid"));
    }

    [TestCase("{ not json", "CI14003", TestName = "validate-bad-policy-to-text")]
    [TestCase("""{ "minDigest": "SHA-2" }""", "CI14008", TestName = "validate-unknown-digest-policy-to-text")]
    [TestCase("""{ "minDigets": "SHA-256" }""", "CI14005", TestName = "validate-unknown-setting-policy-to-text")]
    [TestCase("""{ "severities": { "CI1001": "fatal" } }""", "CI14009", TestName = "validate-bad-severity-policy-to-text")]
    [TestCase(null, "CI14001", TestName = "validate-missing-policy-to-text")]
    public void Validate_WhenPolicyBad_ExitsTwoWithItsCodeNamingThePolicyFile(string? policy, string code)
    {
        Site();
        var file = Path.Combine(_root.Path, "policy.json");
        if (policy is not null) File.WriteAllText(file, policy);

        var run = HarnessRun.Of("validate", Certs, "--policy", file);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.ErrorCode, Is.EqualTo(code), run.ToString());
        Assert.That(run.Stderr, Does.Contain("policy " + file));
        Assert.That(run.Stdout, Is.Empty, "nothing is validated under a policy that cannot be used");
    }

    [Test(Description = "validate-missing-folder-to-json")]
    public void Validate_WhenFolderMissing_ExitsOneWithFolderMissing()
    {
        var run = HarnessRun.Of("validate", Path.Combine(_root.Path, "nowhere"), "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings")[0].GetProperty("code").GetString(), Is.EqualTo("CI1006"));
    }

    [Test(Description = "backup-create-list-verify-preserve-validate")]
    public void BackupThenPreserve_AfterRegeneration_PutsThirdPartyBackAndBaselineValidates()
    {
        var site = Site();
        var created = HarnessRun.Of("backup", "create", Certs, "--to", Backups, "--reason", "before patch", "--json");
        Assert.That(created.Code, Is.Zero, created.ToString());
        var id = created.Json.GetProperty("id").GetString()!;
        Assert.That(created.Json.GetProperty("thirdParty").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(site.ThirdPartyFiles));

        Assert.That(HarnessRun.Of("backup", "list", "--from", Backups).Stdout, Does.Contain(id).And.Contain("before patch"));
        Assert.That(HarnessRun.Of("backup", "verify", "--from", Backups).Code, Is.Zero);

        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { KeySeed = "regenerated" });
        var regenerated = HarnessRun.Of("validate", Certs, "--baseline", Path.Combine(Backups, id));
        Assert.That(regenerated.Code, Is.EqualTo(1), regenerated.ToString());
        Assert.That(regenerated.Stdout, Does.Contain("CI5001"));

        var preserve = HarnessRun.Of("preserve", Certs, "--from", Backups);
        Assert.That(preserve.Code, Is.Zero, preserve.ToString());
        Assert.That(preserve.Stdout, Does.Contain($"{site.ThirdPartyFiles.Count} put back"));

        var after = HarnessRun.Of("validate", Certs, "--baseline", id, "--from", Backups);
        Assert.That(after.Code, Is.Zero, after.ToString());
    }

    [Test(Description = "preserve-orphans-to-json")]
    public void Preserve_WhenTheInstallAddedFilesUnderTheRootItDisplaced_ReportsWhatValidateWillFailOn()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        Assert.That(HarnessRun.Of("backup", "create", Certs, "--to", Backups).Code, Is.Zero);
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { KeySeed = "regenerated", RemotePeers = 1 });
        const string orphan = "Client/Remote_Subsystems/peer001/ic1_ClientCertificate.cer";

        var preserve = HarnessRun.Of("preserve", Certs, "--from", Backups, "--json");
        var validate = HarnessRun.Of("validate", Certs, "--json");

        // Issue 26: preserve exited 0 and said nothing of the orphans validate fails on a second later.
        Assert.That(preserve.Code, Is.EqualTo(1), preserve.ToString());
        var reported = preserve.Json.GetProperty("orphans").EnumerateArray().Select(f => (f.GetProperty("code").GetString(), f.GetProperty("path").GetString())).ToList();
        Assert.That(reported, Does.Contain(("CI9002", orphan)));
        Assert.That(File.Exists(Path.Combine(Certs, orphan)), Is.True, "report only: preserve never deletes");
        Assert.That(validate.Code, Is.EqualTo(1), validate.ToString());
        var errors = validate.Json.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("code").GetString() is "CI9001" or "CI9002")
            .Select(f => (f.GetProperty("code").GetString(), f.GetProperty("path").GetString())).ToList();
        Assert.That(reported, Is.EquivalentTo(errors), "preserve names what validate will find");
    }

    [Test(Description = "backup-verify-tampered-restore-refused")]
    public void BackupVerify_WhenSnapshotTampered_ExitsOneAndRestoreRefuses()
    {
        Site();
        var id = HarnessRun.Of("backup", "create", Certs, "--to", Backups, "--json").Json.GetProperty("id").GetString()!;
        var copy = Directory.EnumerateFiles(Path.Combine(Backups, id), "ServerGroupCertificate.cer", SearchOption.AllDirectories).Single();
        File.SetAttributes(copy, FileAttributes.Normal);
        File.AppendAllText(copy, "tampered");
        var before = FolderPicture.Of(Certs).Files;

        var verify = HarnessRun.Of("backup", "verify", "--from", Backups);
        var restore = HarnessRun.Of("backup", "restore", Certs, "--from", Backups);

        Assert.That(verify.Code, Is.EqualTo(1), verify.ToString());
        Assert.That(verify.Stdout, Does.Contain("DAMAGED").And.Contain("ServerGroupCertificate.cer"));
        Assert.That(restore.Code, Is.EqualTo(2), restore.ToString());
        Assert.That(restore.Stderr, Does.StartWith("certharness backup restore:"));
        Assert.That(FolderPicture.Of(Certs).Files, Is.EqualTo(before));
    }

    [Test(Description = "backup-list-verify-truncated-manifest")]
    public void BackupListAndVerify_WhenAManifestIsTruncated_ShowTheSnapshotDamagedAndExitOne()
    {
        Site();
        var older = HarnessRun.Of("backup", "create", Certs, "--to", Backups, "--json").Json.GetProperty("id").GetString()!;
        Thread.Sleep(1100); // ids are per second
        var newer = HarnessRun.Of("backup", "create", Certs, "--to", Backups, "--json").Json.GetProperty("id").GetString()!;
        var manifest = Path.Combine(Backups, newer, "manifest.json");
        File.WriteAllBytes(manifest, File.ReadAllBytes(manifest)[..40]);

        var list = HarnessRun.Of("backup", "list", "--from", Backups);
        var verify = HarnessRun.Of("backup", "verify", "--from", Backups);
        var restore = HarnessRun.Of("backup", "restore", Certs, "--from", Backups);

        Assert.That(list.Code, Is.EqualTo(1), list.ToString());
        Assert.That(list.Stdout, Does.Contain(newer + "  DAMAGED: CI10102").And.Contain(older));
        Assert.That(verify.Code, Is.EqualTo(1), verify.ToString());
        Assert.That(verify.Stdout, Does.Contain($"{newer}: DAMAGED").And.Contain("CI10102 ManifestUnreadable").And.Contain($"{older}: ok"));
        Assert.That(restore.Code, Is.Zero, restore.ToString());
        Assert.That(restore.Stdout, Does.Contain($"restored snapshot {older}"), "the newest intact snapshot, not the damaged one");
    }

    [Test(Description = "backup-list-symlinked-root")]
    public void BackupList_WhenTheRootIsASymlink_SeesTheSnapshots()
    {
        Site();
        var real = Path.Combine(_root.Path, "RealBackups");
        Directory.CreateDirectory(real);
        Directory.CreateSymbolicLink(Backups, real);
        var id = HarnessRun.Of("backup", "create", Certs, "--to", Backups, "--json").Json.GetProperty("id").GetString()!;

        var list = HarnessRun.Of("backup", "list", "--from", Backups);
        var verify = HarnessRun.Of("backup", "verify", "--from", Backups);

        Assert.That(list.Code, Is.Zero, list.ToString());
        Assert.That(list.Stdout, Does.Contain(id));
        Assert.That(verify.Stdout, Does.Contain($"{id}: ok"));
    }

    [Test(Description = "backup-restore-exact")]
    public void BackupRestore_AfterChanges_MakesFolderByteIdentical()
    {
        Site();
        HarnessRun.Of("backup", "create", Certs, "--to", Backups);
        var before = FolderPicture.Of(Certs).Files;
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { KeySeed = "regenerated", Server = "ic9" });

        var run = HarnessRun.Of("backup", "restore", Certs, "--from", Backups);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(FolderPicture.Of(Certs).Files, Is.EqualTo(before));
    }

    [Test(Description = "preserve-no-snapshot-to-text")]
    public void Preserve_WhenNoSnapshot_ExitsTwoNamingTheRoot()
    {
        Site();

        var run = HarnessRun.Of("preserve", Certs, "--from", Backups);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("no complete snapshot"));
    }

    [Test(Description = "demo-to-text")]
    public void Demo_Always_EndsWithValidVerdict()
    {
        var run = HarnessRun.Of("demo", "--dir", Path.Combine(_root.Path, "demo"));

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain("[8]").And.Contain("verdict: third-party certificates survived"));
    }

    [TestCase("demo", "--dir", TestName = "demo-nonempty-dir-to-text")]
    [TestCase("sample", null, TestName = "sample-nonempty-dir-to-text")]
    public void Generators_WhenFolderHoldsFiles_ExitTwoAndWriteNothing(string verb, string? option)
    {
        var site = Site();
        var before = FolderPicture.Of(Certs).Files;

        var run = option is null ? HarnessRun.Of(verb, Certs) : HarnessRun.Of(verb, option, Certs);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("not empty"));
        Assert.That(FolderPicture.Of(Certs).Files, Is.EqualTo(before));
        Assert.That(site.Files, Is.Not.Empty);
    }

    [Test(Description = "backup-create-missing-folder-to-text")]
    public void BackupCreate_WhenFolderMissing_ExitsTwoAndCreatesNoSnapshot()
    {
        var run = HarnessRun.Of("backup", "create", Path.Combine(_root.Path, "Certificats"), "--to", Backups);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("Certificats: no such directory"));
        Assert.That(Directory.Exists(Backups), Is.False);
    }
}
