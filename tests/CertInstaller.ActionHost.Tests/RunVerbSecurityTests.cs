using System.Diagnostics;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Samples;

namespace CertInstaller.ActionHost.Tests;

/// <summary>
/// The host as a separate process in folders another account can write (issue 25, §1, §2, §5): links planted at the log
/// and the summary, secrets in the wrapped command, and a second wrapper on the same certificates folder.
/// </summary>
[Platform(Include = "Linux", Reason = "symbolic links without privileges, POSIX shell installers")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class RunVerbSecurityTests
{
    private const string Secret = "Hunter2-S3cr3t";
    private TempDir _root = null!;
    private string _certs = null!;
    private string _backups = null!;
    private string _victim = null!;

    [SetUp]
    public void SetUp()
    {
        _root = new TempDir("ci-run-sec-");
        _certs = Path.Combine(_root.Path, "Certificates");
        _backups = Path.Combine(_root.Path, "Backups");
        _victim = _root.Write("victim/root-only.conf", "secret=1\n");
        new IcFolderBuilder().BuildServer(_certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    private static (int Code, string Output) Host(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "certinstaller-action.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        TestContext.Out.WriteLine(output);
        return (process.ExitCode, output);
    }

    private string Script(string body)
    {
        var path = Path.Combine(_root.Path, $"installer-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        return path;
    }

    private string Data() => ActionDataSerializer.Serialize(new ActionData { CertDir = _certs, BackupDir = _backups, ProductCode = "{SEC-TEST}", ProductVersion = "1.0" });

    [Test]
    public void Backup_WhenALinkIsPlantedAtTheLog_SucceedsWithoutWritingThroughIt()
    {
        Directory.CreateDirectory(_backups);
        File.CreateSymbolicLink(Path.Combine(_backups, ActionHostProgram.LogFileName), _victim);

        var (code, output) = Host("backup", Data());

        Assert.That(code, Is.Zero, "a log that cannot be written never fails the install");
        Assert.That(output, Does.Contain("CI12001"));
        Assert.That(File.ReadAllText(_victim), Is.EqualTo("secret=1\n"));
    }

    [Test]
    public void Backup_WhenNothingIsPlanted_WritesTheLogOwnerOnly()
    {
        var (code, _) = Host("backup", Data());

        var log = Path.Combine(_backups, ActionHostProgram.LogFileName);
        Assert.That(code, Is.Zero);
        Assert.That(File.ReadAllText(log), Does.Contain(" Backup succeeded"));
        Assert.That(File.GetUnixFileMode(log), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void Run_WhenLinksArePlantedAtTheLogAndTheSummary_TheRunWorksAndWritesThroughNeither()
    {
        Directory.CreateDirectory(_backups);
        File.CreateSymbolicLink(Path.Combine(_backups, ActionHostProgram.LogFileName), _victim);
        var summary = Path.Combine(_backups, "summary.json");
        File.CreateSymbolicLink(summary, _victim);

        var (code, output) = Host("run", "--certdir", _certs, "--backupdir", _backups, "--json", summary, "--", "sh", Script("exit 0"));

        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("CI12001"));
        Assert.That(File.ReadAllText(_victim), Is.EqualTo("secret=1\n"));
    }

    [Test]
    public void Run_HidesSecretsInEveryFormOnStdoutTheLogAndTheSummary()
    {
        var summary = Path.Combine(_root.Path, "summary.json");
        string[] forms = ["/p:Password=" + Secret, "/p:SQLPWD=" + Secret, "--password", Secret, "--password=" + Secret, "PASS=" + Secret, "PFX_PASS=" + Secret, "-p" + Secret];

        var (code, output) = Host(["run", "--certdir", _certs, "--backupdir", _backups, "--json", summary, "--", "sh", Script("exit 0"), .. forms]);

        Assert.That(code, Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Not.Contain(Secret).And.Contain("/p:SQLPWD=***"), "stdout");
            Assert.That(File.ReadAllText(Path.Combine(_backups, ActionHostProgram.LogFileName)), Does.Not.Contain(Secret), "action log");
            Assert.That(File.ReadAllText(summary), Does.Not.Contain(Secret), "summary");
            Assert.That(File.GetUnixFileMode(summary), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "summary owner-only");
        });
    }

    [Test]
    public void Run_WhenASecondWrapperWithAnotherBackupRootRunsDuringTheFirst_ItGets1618AndRunsNothing()
    {
        // The first wrapper's installer is a second wrapper on the same folder: it runs while the first holds the folder.
        var secondRan = Path.Combine(_root.Path, "second-installer-ran");
        var dll = Path.Combine(AppContext.BaseDirectory, "certinstaller-action.dll");
        var second = Script($"dotnet \"{dll}\" run --certdir \"{_certs}\" --backupdir \"{_root.Path}/OtherBackups\" -- sh -c 'touch \"{secondRan}\"'");

        var (code, output) = Host("run", "--certdir", _certs, "--backupdir", _backups, "--", "sh", second);

        Assert.That(code, Is.EqualTo(InstallerExitCodes.AlreadyRunning & 0xFF), "the second wrapper's 1618, passed on as the installer's code");
        Assert.That(output, Does.Contain("CI10004").And.Contain("certinstaller-action run"), "names the holder");
        Assert.That(File.Exists(secondRan), Is.False, "the second installer never ran");
    }
}
