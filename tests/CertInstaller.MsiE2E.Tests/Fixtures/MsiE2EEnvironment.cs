using System.Diagnostics;
using CertInstaller.MsiE2E.Tests.Engine;

namespace CertInstaller.MsiE2E.Tests.Fixtures;

/// <summary>
/// Everything the MsiEngine scenarios share, made once per test run: the engine (on Linux a private Wine prefix under
/// artifacts/msie2e), the regenerated certificates of v1 and v2, the published action host and the sample MSIs.
/// </summary>
public sealed class MsiE2EEnvironment : IDisposable
{
    public const string ProductCertDir = @"C:\Program Files\CertInstaller Sample\Certificates\";
    public const string InstallDir = @"C:\Program Files\CertInstaller Sample\";
    public const string DefaultBackupDir = @"C:\ProgramData\CertInstaller\Backups\";

    private static readonly Lazy<MsiE2EEnvironment> Lazy = new(() => new MsiE2EEnvironment(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<SamplePackage> plainV1;

    private MsiE2EEnvironment()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(RepoPaths.Artifacts);
        this.V1Certs = Regenerate("1.0.0");
        this.V2Certs = Regenerate("2.0.0");
        if (OperatingSystem.IsWindows())
        {
            this.Engine = new WindowsMsiEngine(Path.Combine(RepoPaths.Artifacts, "logs"));
            this.V1 = new SamplePackage("1.0.0", BuildWixSample("1.0.0", this.V1Certs), this.V1Certs);
            this.V2 = new SamplePackage("2.0.0", BuildWixSample("2.0.0", this.V2Certs), this.V2Certs);
        }
        else
        {
            this.Engine = new WineMsiEngine(Path.Combine(RepoPaths.Artifacts, "wineprefix"));
            this.ActionHostExe = PublishActionHost();
            this.V1 = new SamplePackage("1.0.0", BuildKitSample("1.0.0", this.V1Certs, this.ActionHostExe), this.V1Certs);
            this.V2 = new SamplePackage("2.0.0", BuildKitSample("2.0.0", this.V2Certs, this.ActionHostExe), this.V2Certs);
        }

        this.plainV1 = new(() => OperatingSystem.IsWindows()
            ? throw new PlatformNotSupportedException("the sample without the CertInstaller fragment is built by the Linux kit only")
            : new SamplePackage("1.0.0", MsiKit.MsiKit.BuildSample(RepoPaths.Installer, "1.0.0", this.V1Certs, this.ActionHostExe!,
                Path.Combine(RepoPaths.Artifacts, "kit-plain-1.0.0"), withCertInstaller: false), this.V1Certs));

        TestContext.Progress.WriteLine($"MsiE2E environment ({this.Engine.Name}) ready in {clock.Elapsed.TotalSeconds:F0} s");
    }

    public static MsiE2EEnvironment Instance => Lazy.Value;

    public static bool Created => Lazy.IsValueCreated;

    public IMsiEngine Engine { get; }
    public string? ActionHostExe { get; }
    public string V1Certs { get; }
    public string V2Certs { get; }
    public SamplePackage V1 { get; }
    public SamplePackage V2 { get; }

    /// <summary>v1 built without the CertInstaller fragment (a vendor package for <c>certinstaller-action run</c>), made on
    /// first use; the kit builds it, so Linux only (the Windows workflow builds no such WiX package).</summary>
    public SamplePackage PlainV1 => this.plainV1.Value;

    /// <summary>Whether <see cref="PlainV1"/> was built (so cleanup uninstalls it).</summary>
    public bool PlainV1Built => this.plainV1.IsValueCreated;

    public void Dispose() => this.Engine.Dispose();

    private static string Regenerate(string version)
    {
        var dir = Path.Combine(RepoPaths.Artifacts, "certs-" + version);
        if (OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable("CERTINSTALLER_SAMPLE_MSI_DIR") is not null)
        {
            // The workflow generated these and built the WiX packages from them: the bytes must match.
            return Directory.Exists(dir) ? dir : throw new DirectoryNotFoundException(dir);
        }

        var script = Path.Combine(RepoPaths.Installer, "Sample", "regenerate-certificates.sh");
        var gitBash = @"C:\Program Files\Git\bin\bash.exe";
        var bash = OperatingSystem.IsWindows() && File.Exists(gitBash) ? gitBash : "bash";
        ProcessRunner.RunChecked(bash, [script, dir], timeout: TimeSpan.FromMinutes(2));
        return dir;
    }

    private static string PublishActionHost()
    {
        var output = Path.Combine(RepoPaths.Artifacts, "action-host");
        ProcessRunner.RunChecked("dotnet",
        [
            "publish", Path.Combine(RepoPaths.Root, "src", "CertInstaller.ActionHost"), "-c", "Release", "-r", "win-x64",
            "--self-contained", "-p:PublishSingleFile=true", "-o", output, "--nologo", "-nodeReuse:false",
        ], timeout: TimeSpan.FromMinutes(8));
        var exe = Path.Combine(output, "certinstaller-action.exe");
        return File.Exists(exe) ? exe : throw new FileNotFoundException("dotnet publish did not produce the action host", exe);
    }

    private static string BuildKitSample(string version, string certs, string actionHostExe) =>
        MsiKit.MsiKit.BuildSample(RepoPaths.Installer, version, certs, actionHostExe, Path.Combine(RepoPaths.Artifacts, "kit-" + version));

    private static string BuildWixSample(string version, string certs)
    {
        var prebuilt = Environment.GetEnvironmentVariable("CERTINSTALLER_SAMPLE_MSI_DIR");
        var output = prebuilt ?? Path.Combine(RepoPaths.Artifacts, "wix-sample");
        var msi = Path.Combine(output, $"CertInstallerSample-{version}.msi");
        if (prebuilt is null)
        {
            ProcessRunner.RunChecked("dotnet",
            [
                "build", Path.Combine(RepoPaths.Installer, "Sample", "Sample.wixproj"), "-c", "Release", $"-p:ProductVersion={version}",
                $"-p:RegeneratedCertificatesDir={certs}", $"-p:OutputPath={output}{Path.DirectorySeparatorChar}",
                $"-p:IntermediateOutputPath={Path.Combine(RepoPaths.Artifacts, "wix-obj", version)}{Path.DirectorySeparatorChar}", "--nologo",
            ], timeout: TimeSpan.FromMinutes(10));
        }

        return File.Exists(msi) ? msi : throw new FileNotFoundException("the WiX sample package was not built", msi);
    }
}

/// <summary>Disposes the environment (stops the Wine server) after the last test.</summary>
[SetUpFixture]
public sealed class MsiE2EEnvironmentTeardown
{
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    [OneTimeTearDown]
    public void StopEngine()
    {
        if (MsiE2EEnvironment.Created)
        {
            MsiE2EEnvironment.Instance.Dispose();
            TestContext.Progress.WriteLine($"MsiE2E tests with the MSI engine took {this.clock.Elapsed.TotalSeconds:F0} s");
        }
    }
}
