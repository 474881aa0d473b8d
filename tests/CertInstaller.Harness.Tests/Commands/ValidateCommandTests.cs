using CertInstaller.Samples.Issuing;
using CertInstaller.Samples;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>certharness validate: passwords as inspect takes them, and the exit codes of folders that are not certificates folders.</summary>
[NonParallelizable]
public class ValidateCommandTests
{
    private const string Password = "pfx-s3cret";
    private TempDir _root = null!;
    private string Certs => Path.Combine(_root.Path, "Certificates");

    [SetUp]
    public void SetUp() => _root = new TempDir("ci-harness-validate-");

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("CERTHARNESS_PASSWORD", null);
        _root.Dispose();
    }

    private void SiteWithEncryptedPfx()
    {
        var site = new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var server = site.Issued["Server"];
        Directory.CreateDirectory(Path.Combine(Certs, "CSRs"));
        var pfx = Path.Combine(Certs, "CSRs", "ic1_Server.pfx");
        File.WriteAllBytes(pfx, PkiWriter.Pkcs12(server.Certificate, server.Keys.Private, [site.ExternalCa!.Value.Issuing.Certificate], Password));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(pfx, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    public void Validate_WhenPfxEncryptedAndNoPassword_WarnsAndExitsZero()
    {
        SiteWithEncryptedPfx();

        var run = HarnessRun.Of("validate", Certs, "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        var finding = run.Json.GetProperty("findings").EnumerateArray().Single();
        Assert.That((finding.GetProperty("code").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("path").GetString()),
            Is.EqualTo(("CI1010", "warning", "CSRs/ic1_Server.pfx")));
    }

    [TestCase("option")]
    [TestCase("file")]
    [TestCase("env")]
    public void Validate_WhenPasswordGivenAsInspectTakesIt_OpensThePfx(string how)
    {
        SiteWithEncryptedPfx();
        var file = Path.Combine(_root.Path, "pw.txt");
        File.WriteAllText(file, Password + "\n");
        string[] args = how switch
        {
            "option" => ["validate", Certs, "--json", "--password", Password],
            "file" => ["validate", Certs, "--json", "--password-file", file],
            _ => ["validate", Certs, "--json"],
        };
        if (how == "env") Environment.SetEnvironmentVariable("CERTHARNESS_PASSWORD", Password);

        var run = HarnessRun.Of(args);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("findings").GetArrayLength(), Is.Zero, run.ToString());
    }

    [Test]
    public void Validate_WhenPasswordWrong_WarnsWithPasswordWrong()
    {
        SiteWithEncryptedPfx();

        var run = HarnessRun.Of("validate", Certs, "--password", "nope");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain("warning CI1011 CSRs/ic1_Server.pfx"));
    }

    [Test]
    public void Validate_WhenFolderEmpty_ExitsOneNamingThePath()
    {
        Directory.CreateDirectory(Certs);

        var run = HarnessRun.Of("validate", Certs);

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Does.Contain("error   CI1008").And.Contain(Certs).And.Not.Contain("CERTINSTALLER_"), "a harness user is not told to set an installer property");
    }

    [Test]
    public void Validate_WhenFolderIsNotACertificatesFolder_ExitsOne()
    {
        Directory.CreateDirectory(Path.Combine(Certs, "logs"));
        File.WriteAllText(Path.Combine(Certs, "logs", "setup.log"), "log");

        var run = HarnessRun.Of("validate", Certs, "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings")[0].GetProperty("code").GetString(), Is.EqualTo("CI1007"));
    }

    [Test]
    public void Validate_WhenPathIsAFile_ExitsTwo()
    {
        var file = Path.Combine(_root.Path, "Certificates.zip");
        File.WriteAllText(file, "PK");

        var run = HarnessRun.Of("validate", file);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.ErrorCode, Is.EqualTo("CI14054"), run.ToString());
        Assert.That(run.Stderr, Does.Contain(file));
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix mode bits")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Validate_WhenFolderCannotBeListed_ExitsTwo()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec());
        File.SetUnixFileMode(Certs, UnixFileMode.None);

        // Root lists any folder (CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH), so as root the real certharness process runs with
        // those two capabilities dropped by util-linux setpriv: it then meets the mode bits like any admin account would.
        var (code, stdout, stderr) = Environment.IsPrivilegedProcess
            ? WithoutDacOverride("validate", Certs)
            : InProcess("validate", Certs);

        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stdout, Does.Contain("CI1009"));
    }

    private static (int Code, string Stdout, string Stderr) InProcess(params string[] args)
    {
        var run = HarnessRun.Of(args);
        return (run.Code, run.Stdout, run.Stderr);
    }

    private static (int Code, string Stdout, string Stderr) WithoutDacOverride(params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--bounding-set", "-dac_override,-dac_read_search", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                     Path.Combine(AppContext.BaseDirectory, "certharness.dll") }.Concat(args))
            info.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    [Test(Description = "validate-baseline-backup-root-to-json")]
    public void Validate_WhenBaselineIsABackupRoot_TakesItsNewestSnapshotAsDigestsDoes()
    {
        var site = new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType });
        var backups = Path.Combine(_root.Path, "Backups");
        var backup = HarnessRun.Of("backup", "create", Certs, "--to", backups, "--json");
        Assert.That(backup.Code, Is.Zero, backup.ToString());
        var snapshot = backup.Json.GetProperty("path").GetString()!;

        var byRoot = HarnessRun.Of("validate", Certs, "--baseline", backups, "--json");
        var bySnapshot = HarnessRun.Of("validate", Certs, "--baseline", snapshot, "--json");
        var byId = HarnessRun.Of("validate", Certs, "--baseline", Path.GetFileName(snapshot), "--from", backups, "--json");
        File.Delete(Path.Combine(Certs, site.ThirdPartyFiles[0].Replace('/', Path.DirectorySeparatorChar)));
        var changed = HarnessRun.Of("validate", Certs, "--baseline", backups, "--json");

        foreach (var run in new[] { byRoot, bySnapshot, byId })
            Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(changed.Code, Is.EqualTo(1), changed.ToString());
        Assert.That(changed.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Does.Contain("CI5002"));
    }
}
