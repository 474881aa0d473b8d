using System.Runtime.Versioning;
using CertInstaller.Core.IO;
using CertInstaller.Core.Tests.Backup;

namespace CertInstaller.Core.Tests.IO;

public class PhysicalFileSystemTests
{
    private TempDir _dir = null!;
    private readonly PhysicalFileSystem _fs = new();

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [TestCase("file", FileSystemEntryKind.File)]
    [TestCase("directory", FileSystemEntryKind.Directory)]
    [TestCase("fileLink", FileSystemEntryKind.Link)]
    [TestCase("directoryLink", FileSystemEntryKind.Link)]
    [TestCase("brokenLink", FileSystemEntryKind.Link)]
    public void GetEntry_WhenEntryExists_ReportsItsKindWithoutFollowingLinks(string name, FileSystemEntryKind expected)
    {
        var path = Make(name);

        Assert.Multiple(() =>
        {
            Assert.That(_fs.GetEntry(path)?.Kind, Is.EqualTo(expected));
            Assert.That(_fs.List(_dir.Path).Single(e => e.Name == name).Kind, Is.EqualTo(expected));
        });
    }

    [Test]
    public void GetEntry_WhenMissing_ReturnsNull() =>
        Assert.That(_fs.GetEntry(Path.Combine(_dir.Path, "missing")), Is.Null);

    [Test]
    public void CreateNew_WhenFileExists_ThrowsIOException()
    {
        var path = Make("file");

        Assert.Throws<IOException>(() => _fs.CreateNew(path, privateAccess: false).Dispose());
    }

    [Test]
    public void MoveFile_WhenOverwritingAReadOnlyDestinationAfterClearingIt_ReplacesIt()
    {
        var source = Path.Combine(_dir.Path, "new");
        var destination = Path.Combine(_dir.Path, "old");
        File.WriteAllText(source, "new");
        File.WriteAllText(destination, "old");
        _fs.SetReadOnly(destination, true);

        _fs.SetReadOnly(destination, false);
        _fs.MoveFile(source, destination, overwrite: true);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(destination), Is.EqualTo("new"));
            Assert.That(File.Exists(source), Is.False);
        });
    }

    [Test]
    public void MoveFile_WhenDestinationExistsWithoutOverwrite_ThrowsAndKeepsBoth()
    {
        var source = Make("file");
        var destination = Path.Combine(_dir.Path, "other");
        File.WriteAllText(destination, "other");

        Assert.Throws<IOException>(() => _fs.MoveFile(source, destination, overwrite: false));
        Assert.That(File.ReadAllText(destination), Is.EqualTo("other"));
    }

    [Test]
    public void DeleteDirectoryTree_WhenTreeHoldsLinksAndReadOnlyFiles_DeletesTheTreeButNotLinkTargets()
    {
        var tree = Path.Combine(_dir.Path, "tree");
        SampleFolder.Write(tree);
        SampleFolder.Write(_dir.Outside, "OUT");
        Directory.CreateSymbolicLink(Path.Combine(tree, "Client", "out"), _dir.Outside);
        var outside = FolderPicture.Of(_dir.Outside);

        _fs.DeleteDirectoryTree(tree);

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(tree), Is.False);
            Assert.That(FolderPicture.Of(_dir.Outside).SameAs(outside), Is.True);
        });
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix modes")]
    [UnsupportedOSPlatform("windows")]
    public void CreateNew_WhenPrivate_CreatesMode0600()
    {
        var path = Path.Combine(_dir.Path, "key.bin");

        _fs.CreateNew(path, privateAccess: true).Dispose();

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix modes")]
    [UnsupportedOSPlatform("windows")]
    public void CreateDirectory_WhenPrivate_CreatesItAndMissingParentsWithMode0700()
    {
        var parent = Path.Combine(_dir.Path, "private");
        var path = Path.Combine(parent, "a", "b");

        _fs.CreateDirectory(path, privateAccess: true);

        Assert.Multiple(() =>
        {
            foreach (var directory in new[] { parent, Path.GetDirectoryName(path)!, path })
            {
                Assert.That(File.GetUnixFileMode(directory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), directory);
            }
        });
    }

    [TestCase(true, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)]
    [TestCase(false, UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [Platform(Exclude = "Win", Reason = "Unix modes")]
    [UnsupportedOSPlatform("windows")]
    public void MakePrivate_WhenEntryIsWorldReadable_RestrictsItToTheOwner(bool directory, UnixFileMode expected)
    {
        var path = Make(directory ? "directory" : "file");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);

        _fs.MakePrivate(path);

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(expected));
    }

    private string Make(string name)
    {
        var path = Path.Combine(_dir.Path, name);
        switch (name)
        {
            case "file":
                File.WriteAllText(path, "content");
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "fileLink":
                File.WriteAllText(Path.Combine(_dir.Path, "target"), "target");
                File.CreateSymbolicLink(path, Path.Combine(_dir.Path, "target"));
                break;
            case "directoryLink":
                Directory.CreateDirectory(_dir.Outside);
                Directory.CreateSymbolicLink(path, _dir.Outside);
                break;
            case "brokenLink":
                File.CreateSymbolicLink(path, Path.Combine(_dir.Path, "nowhere"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }

        return path;
    }
}
