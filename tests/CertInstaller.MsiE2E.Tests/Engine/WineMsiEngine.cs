namespace CertInstaller.MsiE2E.Tests.Engine;

/// <summary>
/// Wine's msiexec in a private WINEPREFIX (created once with wineboot). A missing Wine is an error, never a skip.
/// </summary>
public sealed class WineMsiEngine : IMsiEngine
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly string wine;
    private readonly string prefix;
    private readonly Dictionary<string, string> env;

    public WineMsiEngine(string prefix)
    {
        this.wine = FindWine() ?? throw new InvalidOperationException(
            "Wine is not installed (looked for /usr/lib/wine/wine64, wine64 and wine on PATH): the MsiEngine tests need it; ./test.sh installs the Debian package wine64.");
        this.prefix = prefix;
        this.env = new Dictionary<string, string>
        {
            ["WINEPREFIX"] = prefix,
            ["WINEDEBUG"] = "-all",
            ["WINEDLLOVERRIDES"] = "mshtml=",
            ["DISPLAY"] = "",
            // The exe custom actions are .NET processes: with .NET's W^X double mapping of JIT code on, the runtime crashes
            // now and then under Wine ("Internal CLR error" in a DynamicMethod finalizer, met by the win-x64 test runs of
            // build/windows-tests.sh); Wine's msiexec turns a crashed exe action into 1627. msiexec passes this on.
            ["DOTNET_EnableWriteXorExecute"] = "0",
        };
        if (!File.Exists(Path.Combine(prefix, "system.reg")))
        {
            Directory.CreateDirectory(prefix);
            ProcessRunner.Run(this.wine, ["wineboot", "-i"], this.env, timeout: TimeSpan.FromMinutes(3));
            this.WaitServer();
        }

        if (!Directory.Exists(Path.Combine(prefix, "drive_c", "windows")))
        {
            throw new InvalidOperationException($"wineboot did not create the prefix {prefix}");
        }
    }

    public string Name => "wine";

    public string HostPath(string windowsPath)
    {
        var p = windowsPath.Replace('\\', '/');
        if (p.Length >= 2 && p[1] == ':')
        {
            var drive = char.ToLowerInvariant(p[0]);
            var rest = p[2..].TrimStart('/');
            return drive == 'z' ? "/" + rest : Path.Combine(this.prefix, "drive_" + drive, rest);
        }

        throw new ArgumentException($"not a drive path: {windowsPath}");
    }

    public string WindowsPath(string hostPath)
    {
        var full = Path.GetFullPath(hostPath);
        var driveC = Path.Combine(this.prefix, "drive_c") + "/";
        return full.StartsWith(driveC, StringComparison.Ordinal)
            ? @"C:\" + full[driveC.Length..].Replace('/', '\\')
            : "Z:" + full.Replace('/', '\\');
    }

    public MsiRun Run(string logName, params string[] args)
    {
        var logDir = Path.Combine(this.prefix, "drive_c", "msie2e-logs");
        Directory.CreateDirectory(logDir);
        var logHost = Path.Combine(logDir, logName + ".log");
        File.Delete(logHost);
        var all = new List<string> { "msiexec" };
        all.AddRange(args);
        all.AddRange(["/l*v", $@"C:\msie2e-logs\{logName}.log"]);
        var (code, output) = this.RunPrivate(all);
        this.WaitServer();
        return new MsiRun("msiexec " + string.Join(' ', args), code, MsiLog.Read(logHost), output);
    }

    public MsiRun RunWrapped(string logName, string wrapperExe, IReadOnlyList<string> wrapperArgs, params string[] msiexecArgs)
    {
        var logDir = Path.Combine(this.prefix, "drive_c", "msie2e-logs");
        Directory.CreateDirectory(logDir);
        var logHost = Path.Combine(logDir, logName + ".log");
        File.Delete(logHost);
        var all = new List<string> { wrapperExe };
        all.AddRange(wrapperArgs);
        all.AddRange(["--", "msiexec", .. msiexecArgs, "/l*v", $@"C:\msie2e-logs\{logName}.log"]);
        var (code, output) = this.RunPrivate(all);
        this.WaitServer();
        return new MsiRun("certinstaller-action " + string.Join(' ', wrapperArgs) + " -- msiexec " + string.Join(' ', msiexecArgs), code, MsiLog.Read(logHost), output);
    }

    // IC keeps its private keys readable by SYSTEM and Administrators only, and CertInstaller fails a Server Group or IC
    // CA key that everyone may read (CI6003). Wine derives a file's ACL from its Unix mode, and the mode of a file msiexec
    // installs from the process's umask: the installs run with umask 077, so the sample's keys arrive owner-only as IC's do.
    private (int ExitCode, string Output) RunPrivate(IReadOnlyList<string> wineArgs) =>
        ProcessRunner.Run("/bin/sh", ["-c", "umask 077; exec \"$0\" \"$@\"", this.wine, .. wineArgs], this.env, timeout: RunTimeout);

    // 1603 and 1627 arrive as 67 and 91: a Linux exit status keeps the low 8 bits only.
    public bool IsInstallFailure(int exitCode) => exitCode is not 0 and not 3010 and not (3010 & 0xff);

    // Wine 8.0 implements no MsiHiddenProperties (the name is not even in its msi.dll): the property dump at the end of
    // the log prints the deferred actions' ActionData whatever the package lists there.
    public bool HidesHiddenProperties => false;

    public void Dispose() => ProcessRunner.Run(this.wine, ["wineserver", "-k"], this.env, timeout: TimeSpan.FromSeconds(30));

    private void WaitServer()
    {
        var server = Path.Combine(Path.GetDirectoryName(this.wine)!, "wineserver");
        if (File.Exists(server))
        {
            ProcessRunner.Run(server, ["-w"], this.env, timeout: TimeSpan.FromMinutes(1));
        }
    }

    private static string? FindWine()
    {
        if (File.Exists("/usr/lib/wine/wine64"))
        {
            return "/usr/lib/wine/wine64";
        }

        foreach (var name in new[] { "wine64", "wine" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
