using System.Security.Cryptography;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Preservation;
using CertInstaller.Installer.Tests.Operations;
using CertInstaller.Installer.Tests.Wrapper;
using CertInstaller.Core.Validation;
using CertInstaller.Samples;

namespace CertInstaller.Installer.Tests.Operations;

/// <summary>One parse per content per run across ActionRunner's Backup → Preserve → Validate, and never a stale verdict.</summary>
public class RunCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TempDir _temp = null!;
    private string Certs => Path.Combine(_temp.Path, "Certificates");

    [SetUp]
    public void SetUp() => _temp = new TempDir();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private ActionData Data => new()
    {
        CertDir = Certs, BackupDir = Path.Combine(_temp.Path, "Backups"), ProductCode = "{P}", ProductVersion = "1.0", Validation = ValidationMode.Enforce,
    };

    private static ActionRunner Runner(RunCache run) => new(BackupPorts.Machine with { Clock = new FixedClock(Now) }, run);

    private int DistinctContents() =>
        Directory.EnumerateFiles(Certs, "*", SearchOption.AllDirectories)
            .Select(f => Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(f)))).Distinct().Count();

    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void BackupPreserveValidate_WhenNothingChanges_ParsesEachContentOnceAndOpensEachFileOnceInBackup(TrustMode trust)
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = trust });
        var files = Directory.EnumerateFiles(Certs, "*", SearchOption.AllDirectories).Count();
        var run = new RunCache();
        var runner = Runner(run);

        Assert.That(runner.Run(ActionOperation.Backup, Data).Succeeded, Is.True);
        var parsedInBackup = run.Files.Parses;
        Assert.That(run.Files.Reads, Is.LessThanOrEqualTo(files), "Backup's validation reuses the classification's reads (the writer's hashes)");
        Assert.That(runner.Run(ActionOperation.Preserve, Data).Succeeded, Is.True);
        var validate = runner.Run(ActionOperation.Validate, Data);

        Assert.That(validate.Succeeded, Is.True);
        Assert.That(parsedInBackup, Is.LessThanOrEqualTo(DistinctContents()));
        Assert.That(run.Files.Parses, Is.EqualTo(parsedInBackup), "Preserve and Validate found every content parsed");
        Assert.That(validate.Validation!.Findings, Is.EqualTo(Runner(new RunCache()).Run(ActionOperation.Validate, Data).Validation!.Findings));
    }

    [Test]
    public void Validate_WhenAFileChangedAfterBackup_ParsesTheNewBytesAndJudgesThem()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var run = new RunCache();
        var runner = Runner(run);
        Assert.That(runner.Run(ActionOperation.Backup, Data).Succeeded, Is.True);
        var data = Data with { Preserve = false }; // no baseline: the verdict comes from the parsed content alone
        var before = runner.Run(ActionOperation.Validate, data).Validation!;
        var parses = run.Files.Parses;
        var certificate = Path.Combine(Certs, "Client", "Local_Subsystems", "ic1_ServerCertificate.cer");
        // Same size, same time stamp: only the bytes tell the difference.
        var bytes = File.ReadAllBytes(certificate);
        var stamp = File.GetLastWriteTimeUtc(certificate);
        Array.Fill(bytes, (byte)'x', bytes.Length / 2, 16);
        File.WriteAllBytes(certificate, bytes);
        File.SetLastWriteTimeUtc(certificate, stamp);

        var after = runner.Run(ActionOperation.Validate, data).Validation!;

        Assert.That(run.Files.Parses, Is.EqualTo(parses + 1), "the changed file, and only it, is parsed again");
        Assert.That(after.Findings.Select(f => f.Code), Is.Not.EqualTo(before.Findings.Select(f => f.Code)));
        Assert.That(after.Findings, Is.EqualTo(Runner(new RunCache()).Run(ActionOperation.Validate, data).Validation!.Findings), "same as a fresh run");
    }

    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void Classify_InParallel_GivesTheSequentialResult(TrustMode trust)
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = trust, RemotePeers = 3 });
        var layout = new LayoutScanner().Scan(Certs);

        var sequential = new FolderClassifier(new RunCache()) { Parallelism = 1 }.Classify(layout, []);
        var parallel = new FolderClassifier(new RunCache()) { Parallelism = 4 }.Classify(layout, []);

        Assert.That(parallel.OrderBy(p => p.Key, StringComparer.Ordinal), Is.EqualTo(sequential.OrderBy(p => p.Key, StringComparer.Ordinal)));
    }

    [TestCase(TrustMode.SelfSigned)]
    [TestCase(TrustMode.ThirdPartyServerGroup)]
    [TestCase(TrustMode.ThirdPartyPerUseType)]
    public void Validate_InParallel_GivesTheSequentialReport(TrustMode trust)
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = trust, RemotePeers = 3 });
        File.WriteAllText(Path.Combine(Certs, "Client", "Local_Subsystems", "ic1_ServerCertificate.cer"), "damaged"); // some findings too
        ValidationReport Validate(int parallelism) => new FolderValidator(new FolderValidatorOptions { Run = new RunCache(), Parallelism = parallelism })
            .Validate(new ValidationContext { Layout = new LayoutScanner().Scan(Certs), Policy = ValidationPolicy.Installer, At = Now });

        var sequential = Validate(1);

        Assert.That(sequential.Findings, Is.Not.Empty);
        Assert.That(Validate(4).Findings, Is.EqualTo(sequential.Findings));
    }
}
