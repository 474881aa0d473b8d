using System.Runtime.Versioning;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.IO;

/// <summary>Reads open regular files only: a FIFO, socket or device is refused without blocking, also when it is swapped
/// in between the check and the open (issue 11, §3).</summary>
[Platform(Include = "Linux")]
[SupportedOSPlatform("linux")]
public class RegularFileTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void OpenRead_WhenFifo_RefusesWithoutBlocking()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.Path, "pipe.cer"));

        var e = SpecialFiles.Within(10, () => Assert.Throws<NotRegularFileException>(() => RegularFile.OpenRead(fifo).Dispose()), fifo);

        Assert.That((e!.Kind, e.Replaced), Is.EqualTo((FileSystemEntryKind.Fifo, false)));
    }

    [Test]
    public void OpenRead_WhenSocket_Refuses()
    {
        var path = Path.Combine(_dir.Path, "socket.cer");
        using var socket = SpecialFiles.UnixSocket(path);

        Assert.That(Assert.Throws<NotRegularFileException>(() => RegularFile.OpenRead(path).Dispose())!.Kind, Is.EqualTo(FileSystemEntryKind.Socket));
    }

    [Test]
    public void OpenRead_WhenZeroDevice_Refuses()
    {
        var path = Path.Combine(_dir.Path, "zero.cer");
        Assume.That(SpecialFiles.ZeroDevice(path), "mknod needs root");

        Assert.That(Assert.Throws<NotRegularFileException>(() => RegularFile.OpenRead(path).Dispose())!.Kind, Is.EqualTo(FileSystemEntryKind.Device));
    }

    [Test]
    public void OpenProbed_WhenSwappedForFifoAfterTheCheck_RefusesWithoutBlocking()
    {
        var path = _dir.Write("ServerGroup/ServerGroupCertificate.cer", "pem");
        var checkedIdentity = RegularFile.Probe(path, followLinks: false);
        File.Delete(path);
        SpecialFiles.Fifo(path);

        var e = SpecialFiles.Within(10, () => Assert.Throws<NotRegularFileException>(() => RegularFile.OpenProbed(path, checkedIdentity, followLinks: false).Dispose()), path);

        Assert.That((e!.Kind, e.Replaced), Is.EqualTo((FileSystemEntryKind.Fifo, true)));
    }

    [Test]
    public void OpenProbed_WhenSwappedForAnotherFileAfterTheCheck_Refuses()
    {
        var path = _dir.Write("a.cer", "one");
        var checkedIdentity = RegularFile.Probe(path, followLinks: false);
        var other = _dir.Write("b.cer", "two");
        File.Move(other, path, overwrite: true);

        var e = Assert.Throws<NotRegularFileException>(() => RegularFile.OpenProbed(path, checkedIdentity, followLinks: false).Dispose())!;

        Assert.That((e.Kind, e.Replaced), Is.EqualTo((FileSystemEntryKind.File, true)));
    }

    [Test]
    public void OpenProbed_WhenSwappedForLinkAfterTheCheck_RefusesToFollowIt()
    {
        var outside = _dir.Write("outside/secret.key", "secret");
        var path = _dir.Write("certs/a.cer", "one");
        var checkedIdentity = RegularFile.Probe(path, followLinks: false);
        File.Delete(path);
        File.CreateSymbolicLink(path, outside);

        var e = Assert.Throws<NotRegularFileException>(() => RegularFile.OpenProbed(path, checkedIdentity, followLinks: false).Dispose())!;

        Assert.That(e.Kind, Is.EqualTo(FileSystemEntryKind.Link));
    }

    [Test]
    public void OpenRead_WhenNamedLinkToRegularFile_FollowsItOnlyWhenAsked()
    {
        var target = _dir.Write("target.cer", "content");
        var link = Path.Combine(_dir.Path, "link.cer");
        File.CreateSymbolicLink(link, target);

        using (var followed = RegularFile.OpenRead(link, followLinks: true))
        {
            Assert.That(new StreamReader(followed).ReadToEnd(), Is.EqualTo("content"));
        }

        Assert.That(Assert.Throws<NotRegularFileException>(() => RegularFile.OpenRead(link).Dispose())!.Kind, Is.EqualTo(FileSystemEntryKind.Link));
    }

    [Test]
    public void OpenRead_WhenMissing_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => RegularFile.OpenRead(Path.Combine(_dir.Path, "missing.cer")).Dispose());

    [Test]
    public void List_WhenFolderHoldsFifoSocketAndDevice_ReportsTheirKinds()
    {
        SpecialFiles.Fifo(Path.Combine(_dir.Path, "fifo"));
        using var socket = SpecialFiles.UnixSocket(Path.Combine(_dir.Path, "socket"));
        var device = SpecialFiles.ZeroDevice(Path.Combine(_dir.Path, "zero"));
        _dir.Write("file", "x");

        var kinds = new PhysicalFileSystem().List(_dir.Path).ToDictionary(e => e.Name, e => e.Kind);

        Assert.That(kinds["fifo"], Is.EqualTo(FileSystemEntryKind.Fifo));
        Assert.That(kinds["socket"], Is.EqualTo(FileSystemEntryKind.Socket));
        Assert.That(kinds["file"], Is.EqualTo(FileSystemEntryKind.File));
        if (device) Assert.That(kinds["zero"], Is.EqualTo(FileSystemEntryKind.Device));
    }
}
