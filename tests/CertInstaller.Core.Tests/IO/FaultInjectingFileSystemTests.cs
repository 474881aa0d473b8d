using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.IO;

public class FaultInjectingFileSystemTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void MutationCount_WhenNeverFailing_CountsMutationsOnly()
    {
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);

        var counted = RunFour(fs);

        Assert.Multiple(() =>
        {
            Assert.That(counted, Is.EqualTo(4));
            Assert.That(fs.MutationCount, Is.EqualTo(4), "GetEntry, List and OpenRead are not mutations");
            Assert.That(fs.HasFailed, Is.False);
        });
    }

    [TestCase(FaultMode.Crash, 1, 0)]
    [TestCase(FaultMode.Crash, 2, 1)]
    [TestCase(FaultMode.Crash, 4, 3)]
    [TestCase(FaultMode.Transient, 1, 3)]
    [TestCase(FaultMode.Transient, 2, 3)]
    [TestCase(FaultMode.Transient, 4, 3)]
    public void Mutation_WhenKthFails_FailsKAndLaterOnlyInCrashMode(FaultMode mode, int failAt, int expectedSucceeded)
    {
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt, mode);

        var succeeded = RunFour(fs);

        Assert.Multiple(() =>
        {
            Assert.That(succeeded, Is.EqualTo(expectedSucceeded));
            Assert.That(fs.HasFailed, Is.True);
        });
    }

    [Test]
    public void CreateNew_WhenFailing_LeavesAnEmptyFileAndThrows()
    {
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 1);
        var path = Path.Combine(_dir.Path, "torn");

        Assert.Throws<IOException>(() => fs.CreateNew(path, privateAccess: false).Dispose());
        Assert.That(new FileInfo(path).Length, Is.Zero);
    }

    /// <summary>Four mutations, each attempted even if an earlier one failed; returns how many succeeded.</summary>
    private int RunFour(IFileSystem fs)
    {
        var a = Path.Combine(_dir.Path, "a");
        var b = Path.Combine(_dir.Path, "b");
        _ = fs.GetEntry(_dir.Path);
        _ = fs.List(_dir.Path);
        var actions = new Action[]
        {
            () => fs.CreateDirectory(Path.Combine(_dir.Path, "d"), privateAccess: false),
            () => fs.CreateNew(a, privateAccess: false).Dispose(),
            () => fs.MoveFile(a, b, overwrite: false),
            () => fs.SetReadOnly(b, true),
        };
        var succeeded = 0;
        foreach (var action in actions)
        {
            try
            {
                action();
                succeeded++;
            }
            catch (IOException)
            {
                // counted as failed
            }
        }

        return succeeded;
    }
}
