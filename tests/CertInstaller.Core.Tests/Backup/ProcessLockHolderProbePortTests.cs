using System.Runtime.Versioning;
using System.Text;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>
/// ProcessLockHolderProbe reads a holder's state in /proc through <see cref="IFileSystem"/> (Linux; Windows has no /proc and
/// the process table alone decides): what the port reads decides whether a zombie's lock is stale, and a /proc that
/// cannot be read leaves a live holder's lock in place: the next run gets CI10004 naming the lock file, which is left as it was.
/// </summary>
[Platform(Include = "Linux")]
[SupportedOSPlatform("linux")]
public class ProcessLockHolderProbePortTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static string Stat => $"/proc/{Environment.ProcessId}/stat";

    [Test]
    public void IsAlive_WhenProcSaysThisProcessIsAZombie_IsFalse_AndTrueOnTheRealProc()
    {
        var fs = new Proc(new PhysicalFileSystem(), path => new MemoryStream(Encoding.ASCII.GetBytes($"{Environment.ProcessId} (a (b) c) Z 1 2 3\n")));
        var probe = new ProcessLockHolderProbe(fs);
        var me = Holder(probe);

        Assert.Multiple(() =>
        {
            Assert.That(probe.IsAlive(me), Is.False, "the state read through the port decides");
            Assert.That(fs.Opened, Is.EqualTo(new[] { Stat }));
            Assert.That(new ProcessLockHolderProbe(new PhysicalFileSystem()).IsAlive(me), Is.True);
        });
    }

    [Test]
    public void Acquire_WhenProcCannotBeRead_KeepsALiveHoldersLockAndNamesIt()
    {
        var real = new ProcessLockHolderProbe(new PhysicalFileSystem());
        using var held = FolderLock.Acquire(new PhysicalFileSystem(), new TestClock(), real, _dir.Path, "the first run");
        var before = FolderPicture.Of(_dir.Path);
        var fs = new Proc(new PhysicalFileSystem(), path => throw new UnauthorizedAccessException($"injected: access to '{path}' is denied"));

        var e = Assert.Throws<BackupException>(() => FolderLock.Acquire(new PhysicalFileSystem(), new TestClock(), new ProcessLockHolderProbe(fs), _dir.Path, "the second run"))!;

        Assert.Multiple(() =>
        {
            Assert.That((e.Code, e.FilePath), Is.EqualTo((BackupErrorCode.LockHeld, held.LockPath)));
            Assert.That(fs.Opened, Is.EqualTo(new[] { Stat }), "/proc is read through the port");
            Assert.That(FolderPicture.Of(_dir.Path).SameAs(before), Is.True, "the lock file is left as it was, no staging file left");
        });
    }

    private static LockHolder Holder(ProcessLockHolderProbe probe) =>
        new(probe.Current.MachineName, probe.Current.ProcessId, probe.Current.ProcessName, probe.Current.ProcessStartUtc, DateTimeOffset.UtcNow, "a run", "token");

    /// <summary>The real file system, except that /proc files open as <c>open</c> says.</summary>
    private sealed class Proc(IFileSystem inner, Func<string, Stream> open) : DelegatingFileSystem(inner)
    {
        public List<string> Opened { get; } = [];

        public override Stream OpenRead(string path)
        {
            if (!path.StartsWith("/proc/", StringComparison.Ordinal))
            {
                return base.OpenRead(path);
            }

            Opened.Add(path);
            return open(path);
        }
    }
}
