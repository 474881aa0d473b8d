using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki.Digests;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Tests.Backup;

namespace CertInstaller.Core.Tests.Pki.Digests;

/// <summary>
/// DigestBaseline reads a snapshot through <see cref="IFileSystem"/>: a manifest that cannot be checked or read gives
/// CI10007 naming it, never a plain-folder comparison, and the backup root is left as it was.
/// </summary>
public class DigestBaselineReadTests
{
    private TempDir _dir = null!;
    private SnapshotInfo _snapshot = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        SampleFolder.Write(_dir.Certificates);
        _snapshot = new SnapshotStore(_dir.BackupRoot, new PhysicalFileSystem(), new TestClock(), new TestLockProbe(false))
            .Create(new SnapshotRequest(_dir.Certificates, "before the digest conversion") { Classify = SampleFolder.Classify, MachineName = "IC1" });
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Manifest => Path.Combine(_snapshot.Path, SnapshotLayout.ManifestFile);

    [Test]
    public void Read_WhenTheSnapshotIsReadable_ReadsItsFilesThroughThePort()
    {
        var fs = new Failing(new PhysicalFileSystem(), _ => false);

        var (description, files) = DigestBaseline.Read(_snapshot.Path, new PkiReader(), fs);

        Assert.Multiple(() =>
        {
            Assert.That(description, Does.StartWith($"snapshot {_snapshot.Id} of "));
            Assert.That(files, Has.Count.EqualTo(SampleFolder.Files.Length));
            Assert.That(fs.Seen, Does.Contain(Manifest), "the manifest is probed and read through the port");
        });
    }

    [TestCase(Step.Probe)]
    [TestCase(Step.Read)]
    public void Read_WhenTheManifestCannotBeCheckedOrRead_ThrowsManifestUnreadableNamingIt(Step step)
    {
        var before = FolderPicture.Of(_dir.BackupRoot);
        var fs = new Failing(new PhysicalFileSystem(), path => path == Manifest, step);

        var e = Assert.Throws<BackupException>(() => DigestBaseline.Read(_snapshot.Path, new PkiReader(), fs))!;

        Assert.Multiple(() =>
        {
            Assert.That((e.Code, e.FilePath), Is.EqualTo((BackupErrorCode.ManifestUnreadable, Manifest)));
            Assert.That(FolderPicture.Of(_dir.BackupRoot).SameAs(before), Is.True, "reading a baseline changes nothing");
        });
    }

    /// <summary>The step of reading the manifest that fails.</summary>
    public enum Step
    {
        /// <summary>Looking whether it is there.</summary>
        Probe,

        /// <summary>Opening it.</summary>
        Read,
    }

    /// <summary>The real file system, except that probing or opening the paths <c>fails</c> picks throws.</summary>
    private sealed class Failing(IFileSystem inner, Func<string, bool> fails, Step step = Step.Read) : DelegatingFileSystem(inner)
    {
        public List<string> Seen { get; } = [];

        public override FileSystemEntry? GetEntry(string path)
        {
            Seen.Add(path);
            return step == Step.Probe && fails(path) ? throw new UnauthorizedAccessException($"injected: access to '{path}' is denied") : base.GetEntry(path);
        }

        public override Stream OpenRead(string path)
        {
            Seen.Add(path);
            return step == Step.Read && fails(path) ? throw new IOException($"injected read failure: {path}") : base.OpenRead(path);
        }
    }
}
