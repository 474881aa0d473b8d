using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Tests.Backup;
using CertInstaller.Samples;

namespace CertInstaller.Installer.Tests.Wrapper;

/// <summary>
/// The wrapper in folders another account can write (issue 25, §1, §2, §5): a link planted at the log or the summary is
/// refused (the run itself still works), secrets are hidden in every form on every output, and the certificates
/// folder's lock is held from the first snapshot to the last put-back.
/// </summary>
public class InstallerWrapperSecurityTests
{
    private const string Secret = "Hunter2-S3cr3t";
    private TempDir _dir = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
        new IcFolderBuilder().BuildServer(_dir.Certificates, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string OtherRoot => Path.Combine(_dir.Path, "OtherBackups");

    private ActionData Data(InstallerCommand command, string? backupRoot = null) => WrapperOptions.ToActionData(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["--certdir"] = [_dir.Certificates],
            ["--backupdir"] = [backupRoot ?? _dir.BackupRoot],
            ["--validation"] = ["warn"],
        }, command, "unused");

    private (WrapperResult Result, List<string> Output) Run(IInstallerProcess installer, InstallerCommand? command = null, string? json = null,
        Action<WrapperStep>? checkpoint = null)
    {
        command ??= new InstallerCommand(["msiexec", "/i", "IC.msi", "/qn"]);
        var output = new List<string>();
        var result = new InstallerWrapper(installer, new PhysicalFileSystem(), _clock, new TestLockProbe(false), checkpoint) { LockWait = TimeSpan.Zero }
            .Run(Data(command), command, line => output.Add(line.ToString()), json);
        return (result, output);
    }

    private static string[] Form(string form) => form.Split(' ').Select(t => t.Replace("SECRET", Secret, StringComparison.Ordinal)).ToArray();

    [TestCase("/p:Password=SECRET")]
    [TestCase("/p:SQLPWD=SECRET")]
    [TestCase("--password SECRET")]
    [TestCase("--password=SECRET")]
    [TestCase("PASS=SECRET")]
    [TestCase("PFX_PASS=SECRET")]
    [TestCase("-pSECRET")]
    [TestCase("SERVICE_PASSWORD=SECRET")]
    [TestCase("/property:API_KEY=SECRET")]
    [TestCase("--client-secret SECRET")]
    public void Run_HidesTheSecretOnStdoutInTheLogAndInTheSummary(string form)
    {
        var json = Path.Combine(_dir.Path, "summary.json");
        var command = new InstallerCommand(["msiexec", "/i", "IC.msi", .. Form(form), "/qn"]);

        var (result, output) = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, InstallerExitCodes.Failure), command, json);

        Assert.That(result.Outcome, Is.EqualTo(WrapperOutcome.InstallerFailed));
        Assert.Multiple(() =>
        {
            Assert.That(string.Join("\n", output), Does.Not.Contain(Secret).And.Contain("***"), "stdout");
            Assert.That(File.ReadAllText(result.LogPath), Does.Not.Contain(Secret).And.Contain("***"), "action log");
            Assert.That(File.ReadAllText(json), Does.Not.Contain(Secret).And.Contain("***"), "summary");
            Assert.That(string.Join("\n", Directory.EnumerateFiles(_dir.BackupRoot, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText)),
                Does.Not.Contain(Secret), "run state, markers, manifests");
        });
    }

    [Test]
    public void Run_WritesTheSummaryOwnerOnly()
    {
        var json = Path.Combine(_dir.Path, "out", "summary.json");

        var (result, _) = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), json: json);

        Assert.That(result.Outcome, Is.EqualTo(WrapperOutcome.Succeeded));
        Assert.That(File.ReadAllText(json), Does.Contain(result.RunId));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(json), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(result.LogPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    [Platform(Include = "Linux")]
    public void Run_WhenALinkIsPlantedAtTheSummary_RefusesItWithCI12001_AndTheRunStillWorks()
    {
        var victim = _dir.Write("victim/root-only.conf", "secret=1\n");
        var json = Path.Combine(_dir.BackupRoot, "summary.json");
        Directory.CreateDirectory(_dir.BackupRoot);
        File.CreateSymbolicLink(json, victim);

        var (result, output) = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), json: json);

        Assert.That(result.Outcome, Is.EqualTo(WrapperOutcome.Succeeded));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("secret=1\n"));
        Assert.That(output.Last(), Does.Contain("CI12001").And.Contain(json));
    }

    [Test]
    [Platform(Include = "Linux")]
    public void Run_WhenALinkIsPlantedAtTheLog_NeverWritesThroughIt_AndTheRunStillWorks()
    {
        var victim = _dir.Write("victim/root-only.conf", "secret=1\n");
        Directory.CreateDirectory(_dir.BackupRoot);
        File.CreateSymbolicLink(Path.Combine(_dir.BackupRoot, ActionLogFile.FileName), victim);

        var (result, output) = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0));

        Assert.That(result.Outcome, Is.EqualTo(WrapperOutcome.Succeeded));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("secret=1\n"));
        Assert.That(output, Has.Some.Contains("CI12001"));
    }

    [Test]
    [Platform(Include = "Linux")]
    public void Run_WhenAFileNameHoldsANewline_TheLogAndStdoutStayOneLinePerLine()
    {
        // A file the backup does not copy (a FIFO) is named in a warning: its name must not forge a log line.
        var name = "x.cer\n2026-12-01T00:00:00.0000000Z Commit succeeded";
        Directory.CreateDirectory(Path.Combine(_dir.Certificates, "CSRs"));
        SpecialFiles.Fifo(Path.Combine(_dir.Certificates, "CSRs", name));

        var (result, _) = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0));

        var headers = File.ReadAllLines(result.LogPath).Where(l => !l.StartsWith(' ')).ToList();
        Assert.That(headers, Has.None.Contains("2026-12-01T00:00:00.0000000Z"), "no forged header");
        Assert.That(File.ReadAllText(result.LogPath), Does.Contain("x.cer\\n2026-12-01"));
    }

    [TestCase(WrapperStep.Claimed)]
    [TestCase(WrapperStep.BackedUp)]
    [TestCase(WrapperStep.InstallerStarting)]
    [TestCase(WrapperStep.InstallerExited)]
    [TestCase(WrapperStep.Preserved)]
    [TestCase(WrapperStep.Validated)]
    public void Run_WhenASecondWrapperWithAnotherBackupRootStartsDuringTheRun_ItGets1618AtOnce(WrapperStep during)
    {
        FakeInstaller? secondInstaller = null;
        WrapperResult? second = null;
        var (first, _) = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), checkpoint: step =>
        {
            if (step != during) return;
            secondInstaller = FakeInstaller.RegeneratingIc(_dir.Certificates, 0);
            var command = new InstallerCommand(["msiexec", "/i", "Other.msi"]);
            second = new InstallerWrapper(secondInstaller, new PhysicalFileSystem(), _clock, new TestLockProbe(true)) { LockWait = TimeSpan.Zero }
                .Run(Data(command, OtherRoot), command);
        });

        Assert.That((second!.ExitCode, second.Outcome, secondInstaller!.Runs), Is.EqualTo((InstallerExitCodes.AlreadyRunning, WrapperOutcome.Refused, 0)));
        Assert.That(second.Lines.Select(l => l.Text), Has.Some.Contains("CI10004").And.Some.Contains(first.RunId), "names the holder");
        Assert.That(new SnapshotStore(OtherRoot).List(), Is.Empty, "the second run took no snapshot");
        Assert.That(first.Outcome, Is.EqualTo(WrapperOutcome.Succeeded), "the first run is not disturbed");
        Assert.That(File.Exists(_dir.Certificates + ".certinstaller.lock"), Is.False, "the first run released the folder lock");
    }

    [TestCase(WrapperStep.BackedUp)]
    [TestCase(WrapperStep.InstallerExited)]
    public void Run_WhileItRuns_ABackupOfTheSameFolderToAnotherRootIsRefused(WrapperStep during)
    {
        BackupException? refused = null;
        var (first, _) = Run(FakeInstaller.RegeneratingIc(_dir.Certificates, 0), checkpoint: step =>
        {
            if (step != during) return;
            var other = new SnapshotStore(OtherRoot, new PhysicalFileSystem(), _clock, new TestLockProbe(true));
            refused = Assert.Throws<BackupException>(() => other.Create(new SnapshotRequest(_dir.Certificates, "admin's backup")));
        });

        Assert.That(refused!.Code, Is.EqualTo(BackupErrorCode.LockHeld));
        Assert.That(refused.Problem, Does.Contain(first.RunId));
        Assert.That(first.Outcome, Is.EqualTo(WrapperOutcome.Succeeded));
    }
}
