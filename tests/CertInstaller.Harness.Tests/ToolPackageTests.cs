using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CertInstaller.Harness.Tests;

/// <summary>
/// certharness as a .NET tool: packs the harness, installs it from that fresh nupkg into a tool path (a private
/// NuGet cache and only the local source, so no stale cached package and no network) and runs --version.
/// </summary>
[NonParallelizable]
public class ToolPackageTests
{
    private static readonly string Dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private TempDir work = null!;

    [SetUp]
    public void CreateWork() => this.work = new TempDir("certharness-tool-");

    [TearDown]
    public void RemoveWork() => this.work.Dispose();

    [Test(Description = "tool-pack-install-version")]
    public void Tool_WhenPackedAndInstalledFromTheNupkg_PrintsTheVersionAndTheCommit()
    {
        var root = RepoRoot();
        var nupkg = Path.Combine(this.work.Path, "nupkg");
        var tools = Path.Combine(this.work.Path, "tools");
        var config = Path.Combine(this.work.Path, "nuget.config");
        File.WriteAllText(config, "<configuration><packageSources><clear /></packageSources></configuration>");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(this.work.Path, "packages") };

        // The test project references the harness, so its build for this configuration exists: pack it as built.
        Run(Dotnet, ["pack", Path.Combine(root, "harness", "CertInstaller.Harness"), "-c", Configuration(), "--no-build", "-o", nupkg, "--nologo", "-nodeReuse:false"], env);
        var package = Directory.GetFiles(nupkg, "certharness.*.nupkg").Single();
        var version = Regex.Match(Path.GetFileName(package), @"^certharness\.(.+)\.nupkg$").Groups[1].Value;
        Run(Dotnet, ["tool", "install", "certharness", "--tool-path", tools, "--add-source", nupkg, "--configfile", config], env);
        var output = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "certharness.exe" : "certharness"), ["--version"], env);

        var commit = Run("git", ["-C", root, "rev-parse", "HEAD"], env).Trim();
        Assert.That(output.Trim(), Is.EqualTo($"certharness {version} (commit {commit})"));
    }

    [Test(Description = "version-in-process")]
    public void Version_PrintsTheAssemblyVersionAndACommit()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = Cli.Run(["--version"], stdout, stderr);

        Assert.That(code, Is.Zero, stderr.ToString());
        Assert.That(stdout.ToString().Trim(), Does.Match(@"^certharness \d+\.\d+\.\d+\S* \(commit [0-9a-f]{40}\)$"));
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is var parts && Array.IndexOf(parts, "bin") is var i and >= 0
            ? parts[i + 1]
            : "Release";

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertInstaller.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no CertInstaller.sln above {AppContext.BaseDirectory}");
    }

    private static string Run(string file, string[] args, IDictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', args)}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
