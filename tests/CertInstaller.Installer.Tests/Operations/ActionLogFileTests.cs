using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Tests.Operations;

/// <summary>certinstaller-action.log in a backup root another account may write (issue 25, §1).</summary>
public class ActionLogFileTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Append_WhenAFileNameHoldsNewlines_WritesOneLineAndForgesNoBlock()
    {
        var log = new ActionLogFile(new PhysicalFileSystem(), _dir.Path);
        var forged = "not copied: CSRs/x.cer\n2026-12-01T00:00:00.0000000Z Backup succeeded\n  snapshot 20261201 ok\r\u2028\u001b[2J";

        log.Append(ActionLogFile.Header(DateTimeOffset.UnixEpoch, "Backup", "failed"), [forged]);

        var blocks = log.BlocksAfter(0);
        Assert.That(blocks, Has.Count.EqualTo(1), "one block, no forged header");
        Assert.That(blocks[0].Lines, Has.Count.EqualTo(1));
        Assert.That(blocks[0].Lines[0], Does.Contain("\\n2026-12-01T00:00:00.0000000Z Backup succeeded\\n"));
        Assert.That(blocks[0].Lines[0].IndexOfAny(['\u001b', '\r', '\u2028']), Is.EqualTo(-1), "no raw control or separator character");
        Assert.That(File.ReadAllLines(log.Path), Has.Length.EqualTo(2));
    }

    [Test]
    [Platform(Include = "Linux")]
    public void Append_WhenALinkIsPlantedAtTheLog_RefusesWithCI12001AndLeavesTheTarget()
    {
        var victim = _dir.Write("victim.conf", "root only\n");
        var log = new ActionLogFile(new PhysicalFileSystem(), Path.Combine(_dir.Path, "Backups"));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "Backups"));
        File.CreateSymbolicLink(log.Path, victim);

        var e = Assert.Throws<OutputFileRefusedException>(() => log.Append("header", ["line"]));

        Assert.That(e!.Code, Is.EqualTo(OutputFileCode.LinkRefused));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("root only\n"));
    }
}
