using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// <see cref="Durable.Place"/>, the one staged write behind the manifests, marks and transaction markers (replacing,
/// through <see cref="Durable.Replace"/>) and behind the keys, CSRs and PFX files an admin creates (created new, through
/// <c>NewFile</c>): a fault at every file-system step, as a crash, a transient error and a power cut, leaves at the path
/// what was there before or the whole new file, never part of it.
/// </summary>
public class DurableTests
{
    private static readonly byte[] Old = "the file as it was"u8.ToArray();
    private static readonly byte[] New = "the whole new file, longer than the old one"u8.ToArray();

    private static void Place(IFileSystem fs, string path, bool createNew) =>
        Durable.Place(fs, path, Durable.TempFor(path), New, temp => fs.CreateNew(temp, privateAccess: true), overwrite: !createNew);

    private static FaultInjectingFileSystem Counted(bool createNew)
    {
        using var dir = new TempDir();
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);
        Place(fs, dir["mark.json"], createNew);
        return fs;
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Place_CreatesFlushesRenamesThenSyncsTheFolder(bool createNew)
    {
        var ops = Counted(createNew).Log.Select(l => l.Split(' ')[1]);

        Assert.That(ops, Is.EqualTo(new[] { "CreateNew", "FlushToDisk", "MoveFile", "SyncDirectory" }));
    }

    [TestCase(FaultMode.Crash, false)]
    [TestCase(FaultMode.Transient, false)]
    [TestCase(FaultMode.PowerCut, false)]
    [TestCase(FaultMode.Crash, true)]
    [TestCase(FaultMode.Transient, true)]
    [TestCase(FaultMode.PowerCut, true)]
    public void Place_WhenAnyStepFails_ThePathHoldsWhatItHeldOrTheWholeNewFile(FaultMode mode, bool createNew)
    {
        var steps = Counted(createNew).MutationCount;
        for (var k = 1; k <= steps; k++)
        {
            using var dir = new TempDir();
            var path = dir["mark.json"];
            if (!createNew) File.WriteAllBytes(path, Old);
            var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: k, mode);

            Assert.Throws<IOException>(() => Place(fs, path, createNew), $"step {k}");

            var now = File.Exists(path) ? File.ReadAllBytes(path) : null;
            var before = createNew ? null : Old;
            Assert.That(now is null ? before is null : now.SequenceEqual(New) || before is not null && now.SequenceEqual(before), Is.True,
                $"step {k} ({fs.Log[k - 1]}, {mode}): the path holds {(now is null ? "nothing" : $"{now.Length} bytes")}");
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Place_WhenThePowerFailsRightAfterIt_ThePathKeepsTheWholeNewFile(bool createNew)
    {
        // A file counts once Place returned: its content flushed and its rename synced survive a cut at the next write.
        using var dir = new TempDir();
        var path = dir["mark.json"];
        if (!createNew) File.WriteAllBytes(path, Old);
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: Counted(createNew).MutationCount + 1, FaultMode.PowerCut);
        Place(fs, path, createNew);

        Assert.Throws<IOException>(() => fs.CreateDirectory(dir["next"], privateAccess: true), "the power fails here");

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(New));
    }

    [Test]
    public void Place_WhenCreatingNewAndSomethingIsAtThePath_FailsTheRenameAndLeavesIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("ic1.key", "another run's key");

        Assert.Throws<IOException>(() => Place(new PhysicalFileSystem(), path, createNew: true));

        Assert.That(File.ReadAllText(path), Is.EqualTo("another run's key"));
    }
}
