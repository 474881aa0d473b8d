using System.Diagnostics;
using System.Runtime.Versioning;
using CertInstaller.Core.Backup;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>A zombie (exited, not yet reaped) keeps its process id and start time but holds nothing: its lock is stale
/// (issue 25, "also seen": 1618 until reaped).</summary>
[Platform(Include = "Linux")]
[SupportedOSPlatform("linux")]
public class ZombieLockHolderTests
{
    private static char State(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    [Test]
    public void IsAlive_WhenTheHolderIsAZombie_IsFalse_AndItsLiveParentCounts()
    {
        // sh starts a short sleep in the background, prints its id and becomes a long sleep, which never reaps it: a zombie until
        // sleep ends (then init reaps it).
        using var parent = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 0.3 & echo $!; exec sleep 60"]) { RedirectStandardOutput = true })!;
        try
        {
            var pid = int.Parse(parent.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < 200 && State(pid) != 'Z'; i++) Thread.Sleep(50);
            Assert.That(State(pid), Is.EqualTo('Z'), "the child became a zombie");
            DateTimeOffset Start(int id)
            {
                using var p = Process.GetProcessById(id);
                return new DateTimeOffset(p.StartTime.ToUniversalTime());
            }

            var probe = new ProcessLockHolderProbe();
            var zombie = new LockHolder(probe.Current.MachineName, pid, "true", Start(pid), DateTimeOffset.UtcNow, "backup of /x", "zombie");
            var live = new LockHolder(probe.Current.MachineName, parent.Id, "sleep", Start(parent.Id), DateTimeOffset.UtcNow, "backup of /x", "live");

            Assert.That((probe.IsAlive(zombie), probe.IsAlive(live)), Is.EqualTo((false, true)));
            Assert.That(probe.IsZombie(pid), Is.True);
        }
        finally
        {
            parent.Kill();
            parent.WaitForExit();
        }
    }

    [Test]
    public void Acquire_WhenTheLockOfAZombieIsInTheWay_TakesItOver()
    {
        using var dir = new TempDir();
        using var parent = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 0.3 & echo $!; exec sleep 60"]) { RedirectStandardOutput = true })!;
        try
        {
            var pid = int.Parse(parent.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < 200 && State(pid) != 'Z'; i++) Thread.Sleep(50);
            Assert.That(State(pid), Is.EqualTo('Z'), "the child became a zombie");
            var probe = new ProcessLockHolderProbe();
            using var zombieProcess = Process.GetProcessById(pid);
            var zombieProbe = new FixedIdentityProbe(probe, (probe.Current.MachineName, pid, "true", new DateTimeOffset(zombieProcess.StartTime.ToUniversalTime())));
            var fs = new CertInstaller.Core.IO.PhysicalFileSystem();
            var clock = new TestClock();
            FolderLock.Acquire(fs, clock, zombieProbe, dir.Path, "the zombie's run"); // left behind, as by a process that exited unreaped

            using var taken = FolderLock.Acquire(fs, clock, probe, dir.Path, "the next run");

            Assert.That(FolderLock.TryRead(fs, taken.LockPath)!.Token, Is.EqualTo(taken.Holder.Token));
        }
        finally
        {
            parent.Kill();
            parent.WaitForExit();
        }
    }

    private sealed class FixedIdentityProbe(ILockHolderProbe inner, (string, int, string, DateTimeOffset) current) : ILockHolderProbe
    {
        public (string MachineName, int ProcessId, string ProcessName, DateTimeOffset ProcessStartUtc) Current { get; } = current;

        public bool IsAlive(LockHolder holder) => inner.IsAlive(holder);
    }
}
