using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Samples;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>
/// What certharness writes and meets when it runs privileged beside the wrapper (issue 25): the HTML report is owner-only
/// and never written through a link, and a backup of a folder a wrapper holds is refused at once, naming the holder.
/// </summary>
[Platform(Include = "Linux", Reason = "symbolic links without privileges, Unix modes")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PrivilegedOutputTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir("ci-harness-priv-");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void ValidateHtml_WritesTheReportOwnerOnly()
    {
        var report = Path.Combine(_dir.Path, "report.html");

        var run = HarnessRun.Of("validate", SampleSite.Shared.IcDir, "--html", report);

        Assert.That(run.Code, Is.Not.EqualTo(2), run.ToString());
        Assert.That(File.ReadAllText(report), Does.Contain("<html"));
        Assert.That(File.GetUnixFileMode(report), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void ValidateHtml_WhenALinkIsPlantedAtTheReport_RefusesWithCI12001AndLeavesTheTarget(bool targetExists)
    {
        var victim = targetExists ? _dir.Write("victim/root-only.conf", "secret=1\n") : Path.Combine(_dir.Path, "victim", "new.conf");
        var report = Path.Combine(_dir.Path, "report.html");
        File.CreateSymbolicLink(report, victim);

        var run = HarnessRun.Of("validate", SampleSite.Shared.IcDir, "--html", report);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("CI12001").And.Contain(report));
        Assert.That(targetExists ? File.ReadAllText(victim) : File.Exists(victim).ToString(), Is.EqualTo(targetExists ? "secret=1\n" : "False"));
        Assert.That(new FileInfo(report).LinkTarget, Is.EqualTo(victim));
    }

    [Test]
    public void BackupCreate_WhileAWrapperHoldsTheFolder_IsRefusedNamingTheWrapper()
    {
        var certs = Path.Combine(_dir.Path, "Certificates");
        new IcFolderBuilder().BuildServer(certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var command = new InstallerCommand(["msiexec", "/i", "IC.msi", "/qn"]);
        var data = WrapperOptions.ToActionData(new Dictionary<string, IReadOnlyList<string>>
        {
            ["--certdir"] = [certs],
            ["--backupdir"] = [Path.Combine(_dir.Path, "WrapperBackups")],
            ["--validation"] = ["off"],
        }, command, "unused");
        HarnessRun? during = null;
        var installer = new Installer(() =>
        {
            during = HarnessRun.Of("backup", "create", certs, "--to", Path.Combine(_dir.Path, "AdminBackups"));
            return 0;
        });

        var result = new InstallerWrapper(installer).Run(data, command);

        Assert.That(result.Outcome, Is.EqualTo(WrapperOutcome.Succeeded));
        Assert.That(during!.Code, Is.EqualTo(2), during.ToString());
        Assert.That(during.Stderr, Does.Contain("CI10004").And.Contain("certinstaller-action run " + result.RunId), "says who holds the lock");
        Assert.That(new SnapshotStore(Path.Combine(_dir.Path, "AdminBackups")).List(), Is.Empty, "no snapshot of a half-installed folder");
        Assert.That(HarnessRun.Of("backup", "create", certs, "--to", Path.Combine(_dir.Path, "AdminBackups")).Code, Is.Zero, "after the run it works");
    }

    private sealed class Installer(Func<int> run) : IInstallerProcess
    {
        public int Run(InstallerCommand command, Action<StartedProcess> started)
        {
            started(new StartedProcess(Environment.ProcessId, "msiexec", DateTimeOffset.UtcNow));
            return run();
        }
    }
}
