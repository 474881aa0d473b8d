using System.Text.Json;
using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

/// <summary>
/// <c>certinstaller-action run -- msiexec ...</c> around the sample built WITHOUT the CertInstaller fragment (a vendor
/// package that cannot be rebuilt), the win-x64 action host as the wrapper. The package itself does nothing for the
/// folder: whatever is protected, the wrapper protected. Linux (Wine) only: the kit builds the plain package; the
/// Windows workflow builds no such WiX package.
/// </summary>
[Platform(Exclude = "Win", Reason = "the sample without the fragment is built by the Linux kit only")]
public sealed class WrapperTests : MsiScenario
{
    private const string LogDir = @"C:\msie2e-logs\";

    private SamplePackage Plain => this.Env.PlainV1;

    [Test]
    public void CanPreserveThirdPartyCertificates_WhenWrappingAnInstallOverAnExistingFolder()
    {
        var thirdParty = ThirdPartyCertificates.Create();
        thirdParty.WriteTo(this.CertDir);

        var (run, summary) = this.Wrapped("install", ["/i", this.Engine.WindowsPath(this.Plain.MsiPath), "/qn"]);

        Assert.That(run.ExitCode, Is.Zero, () => $"{run}\n{run.Output}");
        AssertFolder(this.CertDir, this.Plain.Files(SamplePackage.MainFiles).Overlay(thirdParty), "keeps every third-party file");
        AssertNotRan(run, Actions.Backup, Actions.Preserve);
        Assert.That(MsiLog.Started(run.Log, "InstallFiles"), Is.True, "the package wrote its regenerated certificates");
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("installerExitCode").GetInt32(), Is.Zero);
            Assert.That(summary.GetProperty("exitCode").GetInt32(), Is.Zero);
            Assert.That(summary.GetProperty("outcome").GetString(), Is.EqualTo("succeeded"));
            Assert.That(summary.GetProperty("putBack").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(SamplePackage.MainFiles),
                "the wrapper put back what the package overwrote");
            Assert.That(KeptUnder(this.BackupDir, this.Plain.Files(SamplePackage.MainFiles).Files["ServerGroup/ServerGroupCertificate.cer"]), Is.True,
                "the certificate the package wrote is kept in the snapshot's displaced area");
            Assert.That(File.ReadAllText(Path.Combine(this.BackupDir, "certinstaller-action.log")), Does.Contain("Preserve succeeded"));
        });
    }

    [Test]
    public void CanRestoreTheFolderAndReturnTheInstallersCode_WhenTheWrappedInstallFails()
    {
        ThirdPartyCertificates.Create().WriteTo(this.CertDir);
        File.WriteAllText(Path.Combine(this.CertDir, "ServerGroup", "ServerGroupCertificate.cer.1"), "an admin's manual backup\r\n");
        var before = FolderPicture.Of(this.CertDir);

        var (run, summary) = this.Wrapped("failing-install",
            ["/i", this.Engine.WindowsPath(this.Plain.MsiPath), "/qn", "CERTINSTALLER_TEST_FAIL_AFTER_PRESERVE=1"]);

        AssertRan(run, Actions.TestFailure);
        AssertFolder(this.CertDir, before, "is byte-identical to before the failed install");
        var installerCode = summary.GetProperty("installerExitCode").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(this.Engine.IsInstallFailure(installerCode), Is.True, $"msiexec failed (Windows 1603, Wine 1627): {installerCode}");
            Assert.That(summary.GetProperty("exitCode").GetInt32(), Is.EqualTo(installerCode), "the installer's code is returned");
            Assert.That(run.ExitCode, Is.EqualTo(installerCode & 0xFF), "the wrapper's exit status (Wine keeps 8 bits)");
            Assert.That(summary.GetProperty("restored").GetBoolean(), Is.True);
            Assert.That(summary.GetProperty("outcome").GetString(), Is.EqualTo("installerFailed"));
        });
    }

    [Test]
    public void CanKeepThirdPartyCertificates_WhenWrappingARepair()
    {
        AssertSucceeded(this.Msiexec("install-plain", ["/i", this.Engine.WindowsPath(this.Plain.MsiPath), "/qn"]));
        ThirdPartyCertificates.Create().WriteTo(this.CertDir);
        var before = FolderPicture.Of(this.CertDir);

        var (run, summary) = this.Wrapped("repair", ["/i", this.Engine.WindowsPath(this.Plain.MsiPath), "REINSTALL=ALL", "REINSTALLMODE=amus", "/qn"]);

        Assert.That(run.ExitCode, Is.Zero, () => $"{run}\n{run.Output}");
        AssertFolder(this.CertDir, before, "is as before the repair");
        Assert.That(summary.GetProperty("putBack").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(SamplePackage.MainFiles),
            "the repair rewrote the Main certificates and the wrapper put them back");
    }

    [Test]
    public void FailsClearly_WhenTheWrappedPackageIncludesTheCertInstallerActions()
    {
        ThirdPartyCertificates.Create().WriteTo(this.CertDir);
        var before = FolderPicture.Of(this.CertDir);

        var (run, summary) = this.Wrapped("nested", ["/i", this.Engine.WindowsPath(this.V1.MsiPath), "/qn"]);

        AssertRan(run, Actions.Backup);
        AssertFolder(this.CertDir, before, "is as before");
        var runId = summary.GetProperty("runId").GetString()!;
        var installerCode = summary.GetProperty("installerExitCode").GetInt32();
        var log = File.ReadAllText(Path.Combine(this.BackupDir, "certinstaller-action.log"));
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("nestedActions").GetBoolean(), Is.True, "the wrapper saw the package's actions run into its lock");
            Assert.That(this.Engine.IsInstallFailure(installerCode), Is.True, "the package's Backup failed it");
            Assert.That(summary.GetProperty("exitCode").GetInt32(), Is.EqualTo(installerCode));
            Assert.That(summary.GetProperty("outcome").GetString(), Is.EqualTo("installerFailed"));
            Assert.That(BlockLines(log, " Backup failed").Any(l => l.Contains(runId, StringComparison.Ordinal)), Is.True,
                "the package's own Backup (the action host's log block) names the run holding the folder");
        });
    }

    /// <summary>The indented lines of the first block of the action host's log whose header contains <paramref name="header"/>.</summary>
    private static IEnumerable<string> BlockLines(string log, string header) =>
        log.Replace("\r\n", "\n").Split('\n').SkipWhile(l => l.StartsWith(' ') || !l.Contains(header, StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith(' '));

    /// <summary>Runs the wrapper around msiexec with the default backup root and a JSON summary; returns the run and the summary.</summary>
    private (MsiRun Run, JsonElement Summary) Wrapped(string logName, string[] msiexecArgs, params string[] options)
    {
        var name = $"{TestContext.CurrentContext.Test.MethodName}-{logName}";
        var json = LogDir + name + ".json";
        File.Delete(this.Engine.HostPath(json));
        var run = this.Engine.RunWrapped(name, this.Env.ActionHostExe!,
            ["run", "--certdir", MsiE2EEnvironment.ProductCertDir.TrimEnd('\\'), "--backupdir", MsiE2EEnvironment.DefaultBackupDir.TrimEnd('\\'),
                "--json", json, .. options], msiexecArgs);
        TestContext.Out.WriteLine(run);
        TestContext.Out.WriteLine(run.Output);
        var summaryPath = this.Engine.HostPath(json);
        Assert.That(File.Exists(summaryPath), Is.True, () => $"{run}: no JSON summary.\n{run.Output}\n{Tail(run.Log)}");
        using var doc = JsonDocument.Parse(File.ReadAllText(summaryPath));
        return (run, doc.RootElement.Clone());
    }
}
