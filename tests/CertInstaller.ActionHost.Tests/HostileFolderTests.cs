using System.Diagnostics;
using CertInstaller.Core.Actions;
using CertInstaller.Core.Samples;

namespace CertInstaller.ActionHost.Tests;

/// <summary>The action host over folders and ActionData an adversarial tester built (issue 11, §3 and §11).</summary>
public class HostileFolderTests
{
    private static readonly int Failure = OperatingSystem.IsWindows() ? ActionHostProgram.Failure : ActionHostProgram.Failure & 0xFF;

    private string _root = null!;
    private string Certs => Path.Combine(_root, "Certificates");
    private string Backups => Path.Combine(_root, "Backups");

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_root = Path.Combine(Path.GetTempPath(), "ci-host-hostile-" + Guid.NewGuid().ToString("N")[..10]));

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    /// <summary>Runs the host as a process; kills it and fails when it does not finish in time.</summary>
    internal static (int Code, string Output) Host(int seconds, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "certinstaller-action.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(seconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"certinstaller-action {args[0]} did not finish within {seconds} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private string Data(string? certDir = null) => ActionDataSerializer.Serialize(new ActionData
    {
        CertDir = certDir ?? Certs,
        BackupDir = Backups,
        ProductCode = "{HOST-TEST}",
        ProductVersion = "1.0",
    });

    [Test]
    [Platform(Include = "Linux")]
    public void Backup_WhenFolderHoldsFifo_Succeeds()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(Certs, "ServerGroup", "pipe.cer"))) mkfifo.WaitForExit();

        var (code, output) = Host(60, "backup", Data());

        Assert.That(code, Is.Zero, output);
    }

    [Test]
    [Platform(Include = "Linux")]
    public void Backup_WhenCertDirIsVolumeRoot_FailsFastAndTakesNoSnapshot()
    {
        var (code, output) = Host(60, "backup", Data("/"));

        Assert.That(code, Is.EqualTo(Failure), output);
        Assert.That(output, Does.Contain("CI3040"));
        Assert.That(Directory.Exists(Backups) ? Directory.EnumerateDirectories(Backups) : [], Is.Empty);
    }
}
