using System.Diagnostics;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;
using CertInstaller.Samples;

namespace CertInstaller.ActionHost.Tests;

/// <summary>The action host over folders and ActionData an adversarial tester built (issue 11, §3 and §11).</summary>
public class HostileFolderTests
{
    private static readonly int Failure = OperatingSystem.IsWindows() ? ActionHostProgram.Failure : ActionHostProgram.Failure & 0xFF;

    private TempDir _root = null!;
    private string Certs => Path.Combine(_root.Path, "Certificates");
    private string Backups => Path.Combine(_root.Path, "Backups");

    [SetUp]
    public void SetUp() => _root = new TempDir("ci-host-hostile-");

    [TearDown]
    public void TearDown() => _root.Dispose();

    /// <summary>Runs the host as a process; kills it and fails when it does not finish in time.</summary>
    internal static (int Code, string Output) Host(int seconds, params string[] args)
    {
        using var process = Process.Start(HostProcess.StartInfo(args))!;
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
        Assert.That(output, Does.Contain("CI10040"));
        Assert.That(output, Does.Contain(CertInstaller.Installer.Operations.InstallerHints.For(CertInstaller.Core.Codes.CodeRegistry.Of(CertInstaller.Core.Backup.BackupErrorCode.FolderUnsafe))!),
            "the installer host adds its hint (the property to set) to Core's host-neutral fix");
        Assert.That(Directory.Exists(Backups) ? Directory.EnumerateDirectories(Backups) : [], Is.Empty);
    }

    [Test(Description = "issue 11 §11: validate created a missing BackupDir 0755 with a 0644 log")]
    [Platform(Include = "Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Validate_WhenBackupDirMissing_CreatesItPrivateWithAnOwnerOnlyLog()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });

        var (_, output) = Host(60, "validate", Data());

        Assert.That(File.GetUnixFileMode(Backups), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), output);
        Assert.That(File.GetUnixFileMode(Path.Combine(Backups, ActionHostProgram.LogFileName)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    [Platform(Include = "Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Validate_WhenOlderLogIsWorldReadable_TightensIt()
    {
        Directory.CreateDirectory(Backups);
        var log = Path.Combine(Backups, ActionHostProgram.LogFileName);
        File.WriteAllText(log, "older\n");
        File.SetUnixFileMode(log, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Host(60, "validate", Data());

        Assert.That(File.GetUnixFileMode(log), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.ReadAllText(log), Does.StartWith("older\n"));
    }

    [Test(Description = "issue 11 §11: a 300-character ProductCode failed after the snapshot was taken, and rollback then said no snapshot was taken")]
    public void Backup_WhenProductCodeIs300Characters_RefusedBeforeAnySnapshot()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var data = $"CertDir={Certs};BackupDir={Backups};ProductCode={{{new string('A', 300)}}};ProductVersion=1.0";

        var (code, output) = Host(60, "backup", data);

        Assert.That(code, Is.EqualTo(OperatingSystem.IsWindows() ? 1639 : 103), output); // refused ActionData: called wrong, nothing ran
        Assert.That(Directory.Exists(Backups), Is.False, "nothing was written before the ActionData was checked");
    }

    [Test(Description = "issue 11 §11: newlines in values forged lines in certinstaller-action.log")]
    [Platform(Include = "Linux")]
    public void Validate_WhenAFileNameHoldsANewline_LogAndOutputKeepOneLinePerEntry()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        File.WriteAllText(Path.Combine(Certs, "ServerGroup", "x\nCertInstaller error: forged\u001b[2J.cer"), "not a certificate");

        var (_, output) = Host(60, "validate", Data());
        var log = File.ReadAllLines(Path.Combine(Backups, ActionHostProgram.LogFileName));

        Assert.That(output.Split('\n').Where(l => l.StartsWith("CertInstaller error: forged", StringComparison.Ordinal)), Is.Empty, output);
        Assert.That(log.Where(l => !l.StartsWith("  ", StringComparison.Ordinal) && !char.IsDigit(l[0])), Is.Empty, string.Join("\n", log));
        Assert.That((output + string.Concat(log)).IndexOf('\u001b'), Is.EqualTo(-1), "an escape sequence reached the terminal or the log");
    }
}
