using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CertInstaller.Harness.Tests;

/// <summary>
/// certharness as a .NET tool: packs the pointer package and this machine's RID package (NativeAOT) the way
/// build/release.sh does, installs from those fresh nupkgs into a tool path (a private NuGet cache and only the local
/// source, so no stale cached package and no network) and checks that the installed command is the native one.
/// </summary>
[NonParallelizable]
public class ToolPackageTests
{
    private static readonly string Dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The RID NativeAOT compiles for on this machine, as the tool's RuntimeIdentifierPackages name it.</summary>
    private static readonly string HostRid =
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    private TempDir work = null!;

    [SetUp]
    public void CreateWork() => this.work = new TempDir("certharness-tool-");

    [TearDown]
    public void RemoveWork() => this.work.Dispose();

    [Test(Description = "tool-pack-install-version")]
    public void Tool_WhenPackedAndInstalledFromTheNupkgs_IsTheNativeAotBinaryAndPrintsTheVersionAndTheCommit()
    {
        var root = Repository.Root;
        var project = Path.Combine(root, "harness", "CertInstaller.Harness");
        var nupkg = Path.Combine(this.work.Path, "nupkg");
        var tools = Path.Combine(this.work.Path, "tools");
        var config = Path.Combine(this.work.Path, "nuget.config");
        File.WriteAllText(config, "<configuration><packageSources><clear /></packageSources></configuration>");
        var install = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(this.work.Path, "packages") };
        var none = new Dictionary<string, string>();

        // The pointer package as built (the test project references the harness); the RID package is a NativeAOT
        // publish: after build/aot.sh (test.sh runs it first) the native compile is up to date and only packs.
        Run(Dotnet, ["pack", project, "-c", Configuration(), "--no-build", "-o", nupkg, "--nologo", "-nodeReuse:false"], none);
        Run(Dotnet, ["pack", project, "-c", Configuration(), "-r", HostRid, "-o", nupkg, "--nologo", "-nodeReuse:false"], none);
        var pointer = Directory.GetFiles(nupkg, "certharness.*.nupkg").Single(f => Regex.IsMatch(Path.GetFileName(f), @"^certharness\.\d"));
        var version = Regex.Match(Path.GetFileName(pointer), @"^certharness\.(.+)\.nupkg$").Groups[1].Value;
        Run(Dotnet, ["tool", "install", "certharness", "--tool-path", tools, "--add-source", nupkg, "--configfile", config], install);
        var output = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "certharness.exe" : "certharness"), ["--version"], install);

        var commit = Run("git", ["-C", root, "rev-parse", "HEAD"], none).Trim();
        Assert.That(output.Trim(), Is.EqualTo($"certharness {version} (commit {commit}), NativeAOT {HostRid}"));
        // What the store holds is one native program: no managed certharness.dll for `dotnet` to run.
        var store = Path.Combine(tools, ".store");
        Assert.That(Directory.Exists(Path.Combine(store, "certharness", version, $"certharness.{HostRid}")), Is.True, "the RID package was installed");
        Assert.That(Directory.GetFiles(store, "certharness.dll", SearchOption.AllDirectories), Is.Empty);
        if (!OperatingSystem.IsWindows())
        {
            // On Unix the command is a link to the tool's entry point: an ELF program, not an apphost beside a dll.
            var entry = new FileInfo(Path.Combine(tools, "certharness")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            Assert.That(entry, Does.Contain($"certharness.{HostRid}"));
            Assert.That(File.ReadAllBytes(entry!).Take(4), Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }));
        }
    }

    [Test(Description = "tool-pointer-rids")]
    public void PointerPackage_NamesTheNativeRidPackagesAndTheFrameworkDependentFallback()
    {
        var nupkg = Path.Combine(this.work.Path, "nupkg");
        Run(Dotnet, ["pack", Path.Combine(Repository.Root, "harness", "CertInstaller.Harness"), "-c", Configuration(), "--no-build", "-o", nupkg, "--nologo", "-nodeReuse:false"], new Dictionary<string, string>());

        using var package = ZipFile.OpenRead(Directory.GetFiles(nupkg, "certharness.*.nupkg").Single());
        Assert.That(package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)), Is.EqualTo(new[] { "tools/any/any/DotnetToolSettings.xml" }));
        using var settings = package.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open();
        var rids = XDocument.Load(settings).Descendants("RuntimeIdentifierPackage")
            .Select(e => ((string?)e.Attribute("RuntimeIdentifier"), (string?)e.Attribute("Id")));
        Assert.That(rids, Is.EquivalentTo(new[] { ("linux-x64", "certharness.linux-x64"), ("win-x64", "certharness.win-x64"), ("any", "certharness.any") }));
    }

    [Test(Description = "version-in-process")]
    public void Version_PrintsTheAssemblyVersionAndACommit()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = Cli.Run(["--version"], stdout, stderr);

        // The tests run JIT, so the runtime form is the .NET version.
        Assert.That(code, Is.Zero, stderr.ToString());
        Assert.That(stdout.ToString().Trim(), Does.Match(@"^certharness \d+\.\d+\.\d+\S* \(commit [0-9a-f]{40}\), \.NET \d+\.\d+\.\d+ JIT$"));
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is var parts && Array.IndexOf(parts, "bin") is var i and >= 0
            ? parts[i + 1]
            : "Release";

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
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish in 20 minutes");
        }

        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', args)}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
