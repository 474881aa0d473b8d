using System.Diagnostics;

namespace CertInstaller.Harness.Tests;

/// <summary>A few runs through the real built certharness process: exit codes and stderr as a shell sees them.</summary>
public class ProcessTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        // On Windows the built certharness.exe itself (the win-x64 test exe under Wine has no dotnet host to start).
        var exe = Path.Combine(AppContext.BaseDirectory, "certharness.exe");
        var info = new ProcessStartInfo(OperatingSystem.IsWindows() ? exe : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!OperatingSystem.IsWindows())
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "certharness.dll"));
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    [TestCase("truncated.cer", TestName = "process-inspect-truncated-der-to-text")]
    [TestCase("random.cer", TestName = "process-inspect-random-bytes-to-text")]
    public void Process_WhenHostileInput_ExitsTwoWithOneLineNamingTheFile(string file)
    {
        var (code, _, stderr) = Run("inspect", SampleSite.Shared[file]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(SampleSite.Shared[file]).And.Not.Contain("   at "));
    }

    [Test(Description = "process-digests-ic-folder-to-json")]
    public void Process_WhenDigestsFindsSha1_ExitsOne()
    {
        var (code, stdout, _) = Run("digests", SampleSite.Shared.IcDir, "--json");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("\"digest\": \"SHA-1\""));
    }

    [Test(Description = "process-chain-ic-server-to-text")]
    public void Process_WhenChainValid_ExitsZero()
    {
        var (code, stdout, stderr) = Run("chain", SampleSite.Shared["server.pem"], "--bundle", SampleSite.Shared.IcDir, "--trust", SampleSite.Shared["root.pem"]);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("VALID"));
    }
}
