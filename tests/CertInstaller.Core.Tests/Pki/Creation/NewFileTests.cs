using System.Text;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki.Creation;
using CertInstaller.Core.Tests.IO;

namespace CertInstaller.Core.Tests.Pki.Creation;

/// <summary>
/// NewFile writes keys, CSRs and PFX files through <see cref="IFileSystem"/>: a failure at any step gives a coded error
/// naming the file, and the folder is left as it was: a key or CSR half written is never left at its path.
/// </summary>
public class NewFileTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _dir.Write("CSRs/other.csr", "an admin's earlier request");
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Target => _dir["CSRs/ic1.key"];

    private static int Steps(string path, bool privateAccess)
    {
        using var scratch = new TempDir();
        var counter = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);
        NewFile.Write(counter, Path.Combine(scratch.Path, Path.GetFileName(path)), Key, privateAccess);
        return counter.MutationCount;
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Write_WhenAnyStepFails_GivesNewFileNotWrittenNamingItAndLeavesTheFolderAsItWas(bool privateAccess)
    {
        var steps = Steps(Target, privateAccess);
        Assert.That(steps, Is.EqualTo(4), "create, flush, rename, directory sync");
        var before = FolderPicture.Of(_dir.Path);

        for (var k = 1; k <= steps; k++)
        {
            var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: k, FaultMode.Transient);

            var e = Assert.Throws<OutputFileRefusedException>(() => NewFile.Write(fs, Target, Key, privateAccess))!;

            Assert.Multiple(() =>
            {
                Assert.That((e.Code, e.FilePath), Is.EqualTo((OutputFileCode.NewFileNotWritten, Target)), $"step {k}: {fs.Log[k - 1]}");
                Assert.That(e.Message, Does.StartWith("CI12051"));
                Assert.That(FolderPicture.Of(_dir.Path).SameAs(before), Is.True, $"step {k} ({fs.Log[k - 1]}) left the folder as it was");
            });
        }
    }

    [Test]
    public void Write_WhenItCrashesAtAnyStep_NeverLeavesPartOfTheKeyAtItsPath()
    {
        var steps = Steps(Target, privateAccess: true);
        for (var k = 1; k <= steps; k++)
        {
            using var dir = new TempDir();
            var target = dir["ic1.key"];
            var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: k, FaultMode.Crash);

            var e = Assert.Throws<OutputFileRefusedException>(() => NewFile.Write(fs, target, Key, privateAccess: true))!;

            // A crash fails the clean-up too: what is at the path is the whole key or nothing, and a leftover is the private
            // copy beside it that the error names.
            var leftovers = Directory.GetFiles(dir.Path).Where(f => f != target).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(e.Code, Is.EqualTo(OutputFileCode.NewFileNotWritten), $"step {k}");
                Assert.That(!File.Exists(target) || File.ReadAllBytes(target).SequenceEqual(Key), Is.True, $"step {k}: whole or absent");
                Assert.That(leftovers.Concat(File.Exists(target) ? [target] : []).All(f => e.Message.Contains(f, StringComparison.Ordinal)), Is.True,
                    $"step {k}: the error names what is left: {e.Message}");
                if (!OperatingSystem.IsWindows())
                {
                    Assert.That(leftovers.Select(File.GetUnixFileMode), Has.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), $"step {k}: private");
                }
            });
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Write_WhenThePowerFailsAtAnyStep_LeavesTheWholeFileOrNothingAtItsPath(bool privateAccess)
    {
        // Nothing reaches the admin after a power cut; what counts is the disk: every write not flushed or synced is lost.
        var steps = Steps(Target, privateAccess);
        for (var k = 1; k <= steps; k++)
        {
            using var dir = new TempDir();
            var target = dir["ic1.key"];
            var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: k, FaultMode.PowerCut);

            var e = Assert.Throws<OutputFileRefusedException>(() => NewFile.Write(fs, target, Key, privateAccess))!;

            var leftovers = Directory.GetFiles(dir.Path).Where(f => f != target).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(e.Code, Is.EqualTo(OutputFileCode.NewFileNotWritten), $"step {k}");
                Assert.That(!File.Exists(target) || File.ReadAllBytes(target).SequenceEqual(Key), Is.True, $"step {k}: whole or absent");
                if (privateAccess && !OperatingSystem.IsWindows())
                {
                    Assert.That(leftovers.Concat(File.Exists(target) ? [target] : []).Select(File.GetUnixFileMode),
                        Has.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), $"step {k}: private");
                }
            });
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Write_WhenTheFileExists_GivesNewFileExistsAndLeavesItAsItWas(bool privateAccess)
    {
        var existing = _dir.Write("CSRs/ic1.key", "the admin's key");
        var before = FolderPicture.Of(_dir.Path);
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);

        var e = Assert.Throws<OutputFileRefusedException>(() => NewFile.Write(fs, existing, Key, privateAccess))!;

        Assert.Multiple(() =>
        {
            Assert.That((e.Code, e.FilePath), Is.EqualTo((OutputFileCode.NewFileExists, existing)));
            Assert.That(fs.MutationCount, Is.Zero, "nothing was attempted");
            Assert.That(FolderPicture.Of(_dir.Path).SameAs(before), Is.True);
        });
    }

    [Test]
    public void Write_WhenAFileAppearsBeforeTheRename_GivesNewFileExistsAndLeavesTheOtherFile()
    {
        var fs = new PlantingBeforeMove(new PhysicalFileSystem(), Target, "another run's key");

        var e = Assert.Throws<OutputFileRefusedException>(() => NewFile.Write(fs, Target, Key, privateAccess: true))!;

        Assert.Multiple(() =>
        {
            Assert.That((e.Code, e.FilePath), Is.EqualTo((OutputFileCode.NewFileExists, Target)));
            Assert.That(File.ReadAllText(Target), Is.EqualTo("another run's key"), "never replaced");
            Assert.That(Directory.GetFiles(_dir["CSRs"]).Select(Path.GetFileName), Is.EquivalentTo(new[] { "other.csr", "ic1.key" }), "our copy was removed");
        });
    }

    [Test]
    public void Write_WhenTheFolderIsMissing_GivesNewFileNotWrittenAndCreatesNothing()
    {
        var target = _dir["missing/ic1.key"];

        var e = Assert.Throws<OutputFileRefusedException>(() => NewFile.Write(new PhysicalFileSystem(), target, Key, privateAccess: true))!;

        Assert.That((e.Code, e.FilePath, Directory.Exists(_dir["missing"])), Is.EqualTo((OutputFileCode.NewFileNotWritten, target, false)));
    }

    [Test]
    public void Write_WhenPrivate_CreatesItOwnerOnlyThroughThePortAndWritesItWhole()
    {
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);

        NewFile.Write(fs, Target, Key, privateAccess: true);

        Assert.Multiple(() =>
        {
            Assert.That(fs.Log.Select(l => l.Split(' ')[1]), Is.EqualTo(new[] { "CreateNewOwnerOnly", "FlushToDisk", "MoveFile", "SyncDirectory" }));
            Assert.That(File.ReadAllBytes(Target), Is.EqualTo(Key));
            Assert.That(Directory.GetFiles(_dir["CSRs"]).Select(Path.GetFileName), Is.EquivalentTo(new[] { "other.csr", "ic1.key" }), "no temporary file left");
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(Target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        });
    }

    /// <summary>Another run creates the target just before NewFile renames its copy there.</summary>
    private sealed class PlantingBeforeMove(IFileSystem inner, string target, string content) : DelegatingFileSystem(inner)
    {
        public override void MoveFile(string source, string destination, bool overwrite)
        {
            if (destination == target && !File.Exists(target))
            {
                File.WriteAllText(target, content);
            }

            base.MoveFile(source, destination, overwrite);
        }
    }
}
