using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;

namespace CertInstaller.MsiE2E.Tests.Scenarios;

/// <summary>
/// Base of the MSI engine scenarios: the same tests on Wine (Linux) and on the real msiexec (Windows). Each test starts
/// and ends with the sample product uninstalled and no certificates folder or backups on the machine.
/// </summary>
[Category("MsiEngine")]
[NonParallelizable]
public abstract class MsiScenario
{
    public const string CustomRoot = @"C:\CertInstallerE2E\";

    protected MsiE2EEnvironment Env { get; private set; } = null!;
    protected IMsiEngine Engine => this.Env.Engine;
    protected SamplePackage V1 => this.Env.V1;
    protected SamplePackage V2 => this.Env.V2;
    protected string CertDir => this.Engine.HostPath(MsiE2EEnvironment.ProductCertDir);
    protected string BackupDir => this.Engine.HostPath(MsiE2EEnvironment.DefaultBackupDir);

    [OneTimeSetUp]
    public void CreateEnvironment() => this.Env = MsiE2EEnvironment.Instance;

    private static bool machineCleaned;

    /// <summary>The first test cleans what an aborted earlier run may have left; every test cleans up after itself.</summary>
    [SetUp]
    public void StartClean()
    {
        if (!machineCleaned)
        {
            this.CleanMachine();
            machineCleaned = true;
        }
    }

    [TearDown]
    public void EndClean() => this.CleanMachine();

    protected MsiRun Install(SamplePackage package, params string[] properties) =>
        this.Msiexec($"install-{package.Version}", ["/i", this.Engine.WindowsPath(package.MsiPath), "/qn", .. properties]);

    protected MsiRun Msiexec(string logName, string[] args)
    {
        var run = this.Engine.Run($"{TestContext.CurrentContext.Test.MethodName}-{logName}", args);
        TestContext.Out.WriteLine(run);
        return run;
    }

    protected MsiRun InstallSucceeds(SamplePackage package, params string[] properties)
    {
        var run = this.Install(package, properties);
        AssertSucceeded(run);
        return run;
    }

    protected static void AssertSucceeded(MsiRun run) =>
        Assert.That(run.ExitCode, Is.Zero, () => $"{run} failed.\n{Tail(run.Log)}\n{run.Output}");

    protected void AssertFailed(MsiRun run) =>
        Assert.That(this.Engine.IsInstallFailure(run.ExitCode), Is.True, () => $"{run}: expected an install failure.\n{Tail(run.Log)}");

    /// <summary>Asserts the folder is byte-identical to <paramref name="expected"/>.</summary>
    protected static void AssertFolder(string dir, FolderPicture expected, string because)
    {
        var diffs = FolderPicture.Of(dir).DiffFrom(expected);
        Assert.That(diffs, Is.Empty, $"certificates folder {dir} {because}");
    }

    protected static void AssertRan(MsiRun run, params string[] actions)
    {
        foreach (var action in actions)
        {
            Assert.That(MsiLog.Started(run.Log, action), Is.True, $"{run}: the MSI log shows no run of {action}");
        }
    }

    protected static void AssertNotRan(MsiRun run, params string[] actions)
    {
        foreach (var action in actions)
        {
            Assert.That(MsiLog.Started(run.Log, action), Is.False, $"{run}: the MSI log shows a run of {action}");
        }
    }

    /// <summary>
    /// The deferred actions' ActionData (<c>...;Mode=x;ProductCode={...};...</c>) is kept out of the MSI log where the engine
    /// honours MsiHiddenProperties (Windows), and still printed where it does not (Wine 8.0, a limit README lists).
    /// </summary>
    protected void AssertActionDataHiddenFromTheLog(MsiRun run) =>
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch(run.Log, @"Mode=[a-z]+;ProductCode=\{"), Is.EqualTo(!this.Engine.HidesHiddenProperties),
            $"{run}: the MSI log {(this.Engine.HidesHiddenProperties ? "shows" : "no longer shows")} the ActionData ({this.Engine.Name})");

    /// <summary>The complete snapshots under a backup root (partial ones excluded).</summary>
    protected static IReadOnlyList<string> Snapshots(string backupDir) => !Directory.Exists(backupDir)
        ? []
        : Directory.GetDirectories(backupDir).Where(d => !d.EndsWith(".partial", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether a file with exactly these bytes is kept somewhere under the backup root.</summary>
    protected static bool KeptUnder(string backupDir, byte[] bytes) => Directory.Exists(backupDir)
        && Directory.GetFiles(backupDir, "*", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length == bytes.Length && File.ReadAllBytes(f).AsSpan().SequenceEqual(bytes));

    /// <summary>Everything the actions said: the MSI log, the engine's output (exe actions' stdout under Wine) and the
    /// action host's log files under the backup root.</summary>
    protected static string ActionText(MsiRun run, string backupDir)
    {
        var logs = Directory.Exists(backupDir)
            ? Directory.GetFiles(backupDir, "*.log", SearchOption.AllDirectories).Select(File.ReadAllText)
            : [];
        return string.Join('\n', [run.Log, run.Output, .. logs]);
    }

    /// <summary>Repairs the installed v1 like <c>msiexec /fa</c>: REINSTALL=ALL with every file rewritten. (Wine 8's
    /// <c>/f</c> fails: exit 1 with a product code, 1605 with a package path; REINSTALL=ALL behaves the same on both.)</summary>
    protected MsiRun Repair(params string[] properties) =>
        this.Msiexec("repair", ["/i", this.Engine.WindowsPath(this.V1.MsiPath), "REINSTALL=ALL", "REINSTALLMODE=amus", "/qn", .. properties]);

    protected static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];

    private void CleanMachine()
    {
        if (this.Env is null)
        {
            return;
        }

        foreach (var package in new[] { this.V2, this.V1 })
        {
            this.Engine.Run($"cleanup-uninstall-{package.Version}", "/x", this.Engine.WindowsPath(package.MsiPath), "/qn");
        }

        if (this.Env.PlainV1Built)
        {
            this.Engine.Run("cleanup-uninstall-plain", "/x", this.Engine.WindowsPath(this.Env.PlainV1.MsiPath), "/qn");
        }

        foreach (var dir in new[] { MsiE2EEnvironment.InstallDir, MsiE2EEnvironment.DefaultBackupDir, CustomRoot })
        {
            TempDir.DeleteTree(this.Engine.HostPath(dir));
        }
    }
}
