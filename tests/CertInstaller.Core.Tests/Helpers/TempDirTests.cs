using System.Runtime.Versioning;

namespace CertInstaller.Core.Tests.Helpers;

/// <summary>The shared temporary-folder helper deletes what tests leave behind on purpose, and never anything a link
/// inside points at.</summary>
public class TempDirTests
{
    private TempDir _outside = null!;

    [SetUp]
    public void SetUp()
    {
        _outside = new TempDir("ci-tempdir-outside-");
        _outside.Write("keep/secret.key", "secret");
        _outside.Write("keep.cer", "certificate");
    }

    [TearDown]
    public void TearDown() => _outside.Dispose();

    [Test]
    public void Dispose_WhenFilesAreReadOnly_DeletesThem()
    {
        var dir = new TempDir();
        var file = dir.Write("Client/Local_Subsystems/IC1_TrustedCertificate.cer", "pem");
        File.SetAttributes(file, FileAttributes.ReadOnly);

        dir.Dispose();

        Assert.That(Directory.Exists(dir.Path), Is.False);
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix permission bits")]
    [UnsupportedOSPlatform("windows")]
    public void Dispose_WhenFoldersLackWriteOrSearchPermission_DeletesThem()
    {
        var dir = new TempDir();
        dir.Write("locked/inner/a.cer", "a");
        dir.Write("readonly/b.cer", "b");
        File.SetUnixFileMode(dir["locked/inner"], UnixFileMode.None);
        File.SetUnixFileMode(dir["locked"], UnixFileMode.None);
        File.SetUnixFileMode(dir["readonly"], UnixFileMode.UserRead | UnixFileMode.UserExecute);

        dir.Dispose();

        Assert.That(Directory.Exists(dir.Path), Is.False);
    }

    [Test]
    [Platform(Include = "Linux")]
    [SupportedOSPlatform("linux")]
    public void Dispose_WhenFolderHoldsFifoAndSocket_DeletesThemWithoutBlocking()
    {
        var dir = new TempDir();
        IO.SpecialFiles.Fifo(dir["ServerGroup/pipe.cer"]);
        IO.SpecialFiles.UnixSocket(dir["Client/agent.sock"]).Dispose();

        IO.SpecialFiles.Within(10, () => { dir.Dispose(); return 0; }, dir["ServerGroup/pipe.cer"]);

        Assert.That(Directory.Exists(dir.Path), Is.False);
    }

    [Test]
    public void Dispose_WhenLinksPointOutside_RemovesTheLinksAndKeepsTheirTargets()
    {
        var before = FolderPicture.Of(_outside.Path);
        var dir = new TempDir();
        dir.Write("Certificates/a.cer", "a");
        Directory.CreateSymbolicLink(dir["Certificates/to-folder"], _outside["keep"]);
        File.CreateSymbolicLink(dir["Certificates/to-file.cer"], _outside["keep.cer"]);
        File.CreateSymbolicLink(dir["Certificates/dangling.cer"], _outside["missing.cer"]);
        Directory.CreateSymbolicLink(dir["Certificates/to-root"], _outside.Path);
        if (!OperatingSystem.IsWindows())
        {
            // chmod follows links: the helper must not "repair" a folder it reaches through one.
            File.SetUnixFileMode(_outside["keep"], UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        dir.Dispose();

        Assert.That(Directory.Exists(dir.Path), Is.False);
        Assert.That(FolderPicture.Of(_outside.Path).SameAs(before), Is.True, FolderPicture.Of(_outside.Path).Describe());
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(_outside["keep"]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserExecute));
        }
    }

    [Test]
    public void DeleteTree_WhenPathIsALinkToAFolder_RemovesOnlyTheLink()
    {
        using var dir = new TempDir();
        var link = dir["link"];
        Directory.CreateSymbolicLink(link, _outside.Path);
        var before = FolderPicture.Of(_outside.Path);

        TempDir.DeleteTree(link);

        Assert.That(Path.Exists(link), Is.False);
        Assert.That(FolderPicture.Of(_outside.Path).SameAs(before), Is.True);
    }

    [Test]
    public void DeleteTree_WhenNothingIsThere_DoesNothing()
    {
        using var dir = new TempDir();

        TempDir.DeleteTree(dir["missing"]);

        Assert.That(Directory.Exists(dir.Path), Is.True);
    }
}
