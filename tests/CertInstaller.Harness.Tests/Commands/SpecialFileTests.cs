using System.Diagnostics;
using CertInstaller.Samples;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>Issue 11, §3: a FIFO in the folder hung backup create, validate and digests; CertDir=/ hung on /dev/console.</summary>
[Platform(Include = "Linux")]
public class SpecialFileTests
{
    private TempDir _root = null!;
    private string Certs => Path.Combine(_root.Path, "Certificates");
    private string Backups => Path.Combine(_root.Path, "Backups");
    private string Fifo => Path.Combine(Certs, "ServerGroup", "pipe.cer");

    [SetUp]
    public void SetUp()
    {
        _root = new TempDir("ci-harness-special-");
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        using var mkfifo = Process.Start("mkfifo", Fifo);
        mkfifo.WaitForExit();
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    private HarnessRun Run(params string[] args)
    {
        var task = Task.Factory.StartNew(() => HarnessRun.Of(args), TaskCreationOptions.LongRunning);
        if (!task.Wait(TimeSpan.FromSeconds(30)))
        {
            using var release = new FileStream(Fifo, FileMode.Open, FileAccess.Write);
            Assert.Fail($"certharness {string.Join(" ", args)} did not finish within 30 s (blocked on the FIFO)");
        }

        return task.Result;
    }

    [Test]
    public void Digests_WhenFolderHoldsFifo_FinishesAndListsItAsSkipped()
    {
        var run = Run("digests", Certs, "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("path").GetString()), Does.Contain("ServerGroup/pipe.cer"));
    }

    [Test]
    public void Validate_WhenFolderHoldsFifo_FinishesAndReportsIt()
    {
        var run = Run("validate", Certs, "--json");

        Assert.That(run.Code, Is.AnyOf(0, 1), run.ToString());
        var pipe = run.Json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "ServerGroup/pipe.cer");
        Assert.That((pipe.GetProperty("code").GetString(), pipe.GetProperty("severity").GetString()), Is.EqualTo(("CI1050", "warning")));
    }

    [Test]
    public void BackupCreate_WhenFolderHoldsFifo_FinishesWithoutCopyingIt()
    {
        var run = Run("backup", "create", Certs, "--to", Backups, "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(Directory.EnumerateFiles(Backups, "pipe.cer", SearchOption.AllDirectories), Is.Empty);
        Assert.That(Run("backup", "verify", "--from", Backups).Code, Is.Zero);
    }

    [TestCase("validate")]
    [TestCase("digests")]
    public void FolderVerb_WhenFolderIsVolumeRoot_RefusedNamingTheFolder(string verb)
    {
        var run = Run(verb, "/");

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("CI10040").And.Contain("/: "));
    }

    [Test]
    public void BackupCreate_WhenFolderIsVolumeRoot_RefusedBeforeWritingAnything()
    {
        var run = Run("backup", "create", "/", "--to", Backups);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(Directory.Exists(Backups), Is.False);
    }
}
