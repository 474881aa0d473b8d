using System.Diagnostics;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Samples;

namespace CertInstaller.ActionHost.Tests;

/// <summary>The action host as an installer runs it: a separate process, one ActionData argument, exit 0, 1603 when the
/// operation failed, or 1639 when it was called wrong (nothing ran).</summary>
public class ActionHostProcessTests
{
    // Unix keeps the low 8 bits of an exit code (1603 → 67); Windows and Wine keep 1603.
    private static readonly int Failure = OperatingSystem.IsWindows() ? ActionHostProgram.Failure : ActionHostProgram.Failure & 0xFF;

    // ERROR_INVALID_COMMAND_LINE, as the run verb returns for bad options; 1639's low byte on Unix.
    private static readonly int CalledWrong = OperatingSystem.IsWindows() ? 1639 : 103;

    private TempDir _root = null!;

    [SetUp]
    public void SetUp() => _root = new TempDir("ci-host-");

    [TearDown]
    public void TearDown() => _root.Dispose();

    private static (int Code, string Output) Host(params string[] args)
    {
        using var process = Process.Start(HostProcess.StartInfo(args))!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private string Data(ValidationMode validation = ValidationMode.Enforce) => ActionDataSerializer.Serialize(new ActionData
    {
        CertDir = Path.Combine(_root.Path, "Certificates"),
        BackupDir = Path.Combine(_root.Path, "Backups"),
        ProductCode = "{HOST-TEST}",
        ProductVersion = "1.0",
        Validation = validation,
    });

    [TestCase()]
    [TestCase("backup")]
    [TestCase("explode", "CertDir=a;BackupDir=b")]
    public void Run_WhenUsageWrong_Exits1639WithUsage(params string[] args)
    {
        var (code, output) = Host(args);

        Assert.That(code, Is.EqualTo(CalledWrong), output);
        Assert.That(output, Does.Contain("usage: certinstaller-action"));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Help_ListsEveryVerbAndExits0(string flag)
    {
        var (code, output) = Host(flag);

        Assert.That(code, Is.Zero, output);
        Assert.Multiple(() =>
        {
            foreach (var verb in Verbs()) Assert.That(output, Does.Match($@"(?m)^\s+{System.Text.RegularExpressions.Regex.Escape(verb)}\b"), verb);
        });
    }

    [TestCaseSource(nameof(Verbs))]
    public void Help_OfEachVerb_Exits0WithItsUsage(string verb)
    {
        var (code, output) = Host(verb, "--help");

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain($"certinstaller-action {verb}"));
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "the Linux default backup root")]
    public void RunHelp_OnLinux_NamesTheLinuxDefaultBackupRootAndTheFirstInstallOption()
    {
        var (code, output) = Host("run", "-h");

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain(WrapperOptions.DefaultUnixBackupDir).And.Not.Contain("/usr/share").And.Contain("--allow-missing-certdir"));
    }

    // A deployment tool must tell "you called me wrong" (fix the command) from "the install failed" (look at the folder).
    [TestCaseSource(nameof(Verbs))]
    public void Run_WhenAVerbGetsAnUnknownOption_Exits1639AndRunsNothing(string verb)
    {
        var (code, output) = Host(verb, "--no-such-option", Data());

        Assert.That(code, Is.EqualTo(CalledWrong), output);
        Assert.That(Directory.Exists(Path.Combine(_root.Path, "Backups")), Is.False, "nothing ran");
    }

    [TestCaseSource(nameof(Verbs))]
    public void Run_WhenAVerbMissesItsArgument_Exits1639(string verb)
    {
        var (code, output) = Host(verb);

        Assert.That(code, Is.EqualTo(CalledWrong), output);
        Assert.That(output, Does.Contain("usage: certinstaller-action"));
    }

    [TestCaseSource(nameof(Verbs))]
    public void Run_WhenAVerbGetsASecondArgument_Exits1639(string verb)
    {
        var (code, output) = Host(verb, Data(), "extra");

        Assert.That(code, Is.EqualTo(CalledWrong), output);
    }

    private static IEnumerable<string> Verbs() => ActionOperationNames.ByCommandName.Keys.Append(RunVerb.Name);

    [Test]
    public void Run_WhenActionDataInvalid_Exits1639NamingTheKey()
    {
        var (code, output) = Host("backup", "CertDir=;BackupDir=x;Colour=blue");

        Assert.That(code, Is.EqualTo(CalledWrong), output);
        // Each problem printed with its code: CertDir empty, BackupDir not a full path, an unknown key.
        Assert.That(output, Does.Contain("CI11004").And.Contain("CI11005").And.Contain("CI11001"));
    }

    [Test]
    public void Run_EveryOperationInOrder_SucceedsAndLogsToBackupRoot()
    {
        new IcFolderBuilder().BuildServer(Path.Combine(_root.Path, "Certificates"), new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });

        foreach (var op in new[] { "backup", "preserve", "validate", "commit" })
        {
            var (code, output) = Host(op, Data());
            Assert.That(code, Is.EqualTo(0), $"{op}: {output}");
        }

        var log = File.ReadAllText(Path.Combine(_root.Path, "Backups", ActionHostProgram.LogFileName));
        Assert.That(log, Does.Contain("Backup succeeded").And.Contain("Preserve succeeded").And.Contain("Validate succeeded").And.Contain("Commit succeeded"));
    }

    [Test]
    public void Run_WhenValidateEnforcedOnExpiredThirdParty_Exits1603WithFinding()
    {
        new IcFolderBuilder().BuildServer(Path.Combine(_root.Path, "Certificates"),
            new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, ThirdPartyNotAfter = DateTimeOffset.UtcNow.AddDays(-1) });

        var (code, output) = Host("validate", Data());
        var (warnCode, warnOutput) = Host("validate", Data(ValidationMode.Warn));

        Assert.That(code, Is.EqualTo(Failure));
        Assert.That(output, Does.Contain("CI3002"));
        Assert.That(warnCode, Is.EqualTo(0));
        Assert.That(warnOutput, Does.Contain("CertInstaller warning: CI3002"));
    }

    [Test]
    public void Run_WhenRollingBackAfterBackup_RestoresTheFolderByteForByte()
    {
        var certs = Path.Combine(_root.Path, "Certificates");
        new IcFolderBuilder().BuildServer(certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
        var before = FolderPicture.Of(certs).Files;
        Assert.That(Host("backup", Data()).Code, Is.Zero);
        new IcFolderBuilder().BuildServer(certs, new IcFolderSpec { KeySeed = "regenerated", Server = "ic7" });

        var (code, output) = Host("restore-on-rollback", Data());

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("rolled back"));
        Assert.That(FolderPicture.Of(certs).Files, Is.EqualTo(before));
    }
}
