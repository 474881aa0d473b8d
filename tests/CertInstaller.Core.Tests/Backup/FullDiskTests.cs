using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// Issue 25, item 7: a backup that runs out of space removes its <c>.partial</c>, and the next run removes stale partials
/// of its own, so a re-run completes once there is room. On a real full volume: a small tmpfs this test mounts itself
/// (the suites run as root, test.sh) and always unmounts.
/// </summary>
[Platform(Include = "Linux", Reason = "mounts a tmpfs")]
[SupportedOSPlatform("linux")]
[NonParallelizable]
public class FullDiskTests
{
    private const int Megabyte = 1024 * 1024;
    private TempDir _dir = null!;
    private string _volume = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        Assert.That(geteuid(), Is.Zero, "mounting a tmpfs needs root; test.sh runs the suites as root");
        _dir = new TempDir();
        _clock = new TestClock();
        _volume = Path.Combine(_dir.Path, "small-volume");
        Directory.CreateDirectory(_volume);
        FileNameTests.Shell($"mount -t tmpfs -o size=2m,mode=0700 certinstaller-test '{_volume}'");
    }

    [TearDown]
    public void TearDown()
    {
        try
        {
            FileNameTests.Shell($"umount '{_volume}'");
        }
        finally
        {
            _dir.Dispose();
        }
    }

    [Test]
    public void Create_WhenTheVolumeFillsUp_RemovesItsPartialAndARerunCompletesOnceThereIsRoom()
    {
        var root = Path.Combine(_volume, "Backups");
        SampleFolder.Write(_dir.Certificates);
        var big = Path.Combine(_dir.Certificates, "CSRs", "big.pfx");
        File.WriteAllBytes(big, RandomBytes(3 * Megabyte));

        var first = Assert.Throws<BackupException>(() => Store(root).Create(Request()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = Assert.Throws<BackupException>(() => Store(root).Create(Request()));
        var partialsWhileFull = Partials(root);
        File.Delete(big); // room again
        _clock.Advance(TimeSpan.FromMinutes(1));
        var snapshot = Store(root).Create(Request());

        Assert.Multiple(() =>
        {
            Assert.That(first!.Code, Is.EqualTo(BackupErrorCode.BackupFailed));
            Assert.That(second!.Code, Is.EqualTo(BackupErrorCode.BackupFailed));
            Assert.That(partialsWhileFull, Is.Empty, "each failed run removed its partial");
            Assert.That(Store(root).List().Select(s => s.Id), Is.EqualTo(new[] { snapshot.Id }));
            Assert.That(Store(root).Verify(snapshot.Id).IsValid, Is.True);
        });
    }

    [Test]
    public void Create_WhenAStalePartialFillsTheVolume_RemovesItAndCompletes()
    {
        // What a killed run (no chance to clean up) leaves: a private partial holding most of the volume.
        var root = Path.Combine(_volume, "Backups");
        SampleFolder.Write(_dir.Certificates);
        Store(root).AcquireLock("create the root").Dispose();
        var stale = Path.Combine(root, "20261126T000000Z-abcdef.partial");
        Directory.CreateDirectory(stale, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllBytes(Path.Combine(stale, "filler"), RandomBytes((int)(1.8 * Megabyte)));
        var foreign = Path.Combine(root, "20261126T000001Z-abcdef.partial");
        Directory.CreateDirectory(foreign, (UnixFileMode)Convert.ToInt32("755", 8)); // not private: not ours, kept

        var snapshot = Store(root).Create(Request());

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(stale), Is.False);
            Assert.That(Directory.Exists(foreign), Is.True);
            Assert.That(Store(root).Verify(snapshot.Id).IsValid, Is.True);
        });
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(25).NextBytes(bytes);
        return bytes;
    }

    private static string[] Partials(string root) =>
        Directory.EnumerateDirectories(root, "*.partial").ToArray();

    private SnapshotStore Store(string root) => new(root, new PhysicalFileSystem(), _clock, new TestLockProbe(false));

    private SnapshotRequest Request() => new(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" };

    [DllImport("libc")]
    private static extern uint geteuid();
}
