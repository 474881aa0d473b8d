using System.Diagnostics;
using System.Runtime.Versioning;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.IO;

/// <summary>
/// The files a privileged run writes into folders another account may write (issue 25, §1, §2): the action log is
/// appended only to this account's own regular file, never through a link; the summary and the reports are replaced by
/// an owner-only file, a link at their path refused. Each planted entry is tried in both directions: refused with its
/// code and the target untouched, and the normal file still written.
/// </summary>
[Platform(Include = "Linux")]
[SupportedOSPlatform("linux")]
public class OwnOutputFileTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private TempDir _dir = null!;
    private readonly PhysicalFileSystem _fs = new();

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Victim() => _dir.Write("victim/root-only.conf", "secret=1\n");

    private static void Append(IFileSystem fs, string path, string text)
    {
        using var stream = fs.OpenOwnFileForAppend(path);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(" ", args)}: {process.StandardError.ReadToEnd()}");
    }

    [Test]
    public void OpenOwnFileForAppend_WhenMissing_CreatesItOwnerOnlyAndAppends()
    {
        var log = Path.Combine(_dir.Path, "certinstaller-action.log");

        Append(_fs, log, "one\n");
        Append(_fs, log, "two\n");

        Assert.That(File.ReadAllText(log), Is.EqualTo("one\ntwo\n"));
        Assert.That(File.GetUnixFileMode(log), Is.EqualTo(OwnerOnly));
    }

    [Test]
    public void OpenOwnFileForAppend_WhenOwnFileIsWorldReadable_TightensItThroughTheHandle()
    {
        var log = _dir.Write("certinstaller-action.log", "old\n");
        File.SetUnixFileMode(log, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Append(_fs, log, "new\n");

        Assert.That((File.ReadAllText(log), File.GetUnixFileMode(log)), Is.EqualTo(("old\nnew\n", OwnerOnly)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void OpenOwnFileForAppend_WhenALinkIsPlanted_RefusesWithCI12001AndLeavesTheTarget(bool targetExists)
    {
        var victim = targetExists ? Victim() : Path.Combine(_dir.Path, "victim", "created-by-root.conf");
        var log = Path.Combine(_dir.Path, "certinstaller-action.log");
        File.CreateSymbolicLink(log, victim);

        var e = Assert.Throws<OutputFileRefusedException>(() => Append(_fs, log, "forged\n"));

        Assert.That((e!.Code, e.FilePath), Is.EqualTo((OutputFileCode.LinkRefused, log)));
        Assert.That(e.Message, Does.StartWith("CI12001").And.Contain(log).And.Contain("Fix:"));
        if (targetExists)
        {
            Assert.That((File.ReadAllText(victim), File.GetUnixFileMode(victim) == OwnerOnly), Is.EqualTo(("secret=1\n", false)), "the target is unchanged");
        }
        else
        {
            Assert.That(File.Exists(victim), Is.False, "nothing was created through the dangling link");
        }
    }

    [Test]
    public void OpenOwnFileForAppend_WhenAHardLinkToAnotherFileIsPlanted_RefusesWithCI12002()
    {
        var victim = Victim();
        var log = Path.Combine(_dir.Path, "certinstaller-action.log");
        Run("ln", victim, log);

        var e = Assert.Throws<OutputFileRefusedException>(() => Append(_fs, log, "forged\n"));

        Assert.That(e!.Code, Is.EqualTo(OutputFileCode.NotOwnRegularFile));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("secret=1\n"));
    }

    [Test]
    public void OpenOwnFileForAppend_WhenAFifoIsPlanted_RefusesWithoutBlocking()
    {
        var log = SpecialFiles.Fifo(Path.Combine(_dir.Path, "certinstaller-action.log"));

        var e = SpecialFiles.Within(10, () => Assert.Throws<OutputFileRefusedException>(() => Append(_fs, log, "x\n")), log);

        Assert.That(e!.Code, Is.EqualTo(OutputFileCode.NotOwnRegularFile));
    }

    [Test]
    public void OpenOwnFileForAppend_WhenAnotherAccountOwnsTheFile_RefusesWithCI12002()
    {
        Assume.That(Environment.IsPrivilegedProcess, "chown to another account needs root");
        var log = _dir.Write("certinstaller-action.log", "planted\n");
        Run("chown", "65534", log);

        var e = Assert.Throws<OutputFileRefusedException>(() => Append(_fs, log, "forged\n"));

        Assert.That(e!.Code, Is.EqualTo(OutputFileCode.NotOwnRegularFile));
        Assert.That(File.ReadAllText(log), Is.EqualTo("planted\n"));
    }

    [Test]
    public void PrivateOutputFile_WritesOwnerOnlyAndReplacesAnEarlierFile()
    {
        var summary = _dir.Write("out/summary.json", "old");
        File.SetUnixFileMode(summary, OwnerOnly | UnixFileMode.OtherRead);

        PrivateOutputFile.Write(_fs, summary, "{}");

        Assert.That((File.ReadAllText(summary), File.GetUnixFileMode(summary)), Is.EqualTo(("{}", OwnerOnly)));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(summary)!), Is.EqualTo(new[] { summary }), "no temporary file left");
    }

    [Test]
    public void PrivateOutputFile_WhenAnyStepFails_LeavesTheEarlierFileOrTheWholeNewOneAndNoTemporaryFile()
    {
        // Durable's staged write: create, flush, rename, sync the folder; a transient fault at each, cleaned up after.
        var counting = new FaultInjectingFileSystem(_fs, failAt: 0);
        PrivateOutputFile.Write(counting, _dir.Write("count/summary.json", "old"), "{\"new\": true}");
        Assert.That(counting.Log.Select(l => l.Split(' ')[1]), Is.EqualTo(new[] { "CreateNew", "FlushToDisk", "MoveFile", "SyncDirectory" }));

        for (var k = 1; k <= counting.MutationCount; k++)
        {
            var summary = _dir.Write($"out{k}/summary.json", "old");
            var fs = new FaultInjectingFileSystem(_fs, failAt: k, FaultMode.Transient);

            Assert.Throws<IOException>(() => PrivateOutputFile.Write(fs, summary, "{\"new\": true}"), $"step {k}");

            Assert.That(File.ReadAllText(summary), Is.AnyOf("old", "{\"new\": true}"), $"step {k}: {fs.Log[k - 1]}");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(summary)!), Is.EqualTo(new[] { summary }), $"step {k}: no temporary file left");
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void PrivateOutputFile_WhenALinkIsPlanted_RefusesWithCI12001AndLeavesTheTarget(bool targetExists)
    {
        var victim = targetExists ? Victim() : Path.Combine(_dir.Path, "victim", "created-by-root.conf");
        var summary = Path.Combine(_dir.Path, "summary.json");
        File.CreateSymbolicLink(summary, victim);

        var e = Assert.Throws<OutputFileRefusedException>(() => PrivateOutputFile.Write(_fs, summary, "{}"));

        Assert.That((e!.Code, e.FilePath), Is.EqualTo((OutputFileCode.LinkRefused, summary)));
        Assert.That(new FileInfo(summary).LinkTarget, Is.EqualTo(victim), "the link is left for the admin to inspect");
        Assert.That(targetExists ? File.ReadAllText(victim) : File.Exists(victim).ToString(), Is.EqualTo(targetExists ? "secret=1\n" : "False"));
        Assert.That(Directory.GetFiles(_dir.Path), Is.EqualTo(new[] { summary }), "no temporary file left");
    }

    [Test]
    public void PrivateOutputFile_WhenADirectoryIsAtThePath_RefusesWithCI12002()
    {
        var path = Path.Combine(_dir.Path, "report.html");
        Directory.CreateDirectory(path);

        Assert.That(Assert.Throws<OutputFileRefusedException>(() => PrivateOutputFile.Write(_fs, path, "<html/>"))!.Code, Is.EqualTo(OutputFileCode.NotOwnRegularFile));
    }
}
