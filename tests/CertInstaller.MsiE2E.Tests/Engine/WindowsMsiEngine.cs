namespace CertInstaller.MsiE2E.Tests.Engine;

/// <summary>The real msiexec.exe (Windows runners run elevated).</summary>
public sealed class WindowsMsiEngine : IMsiEngine
{
    private readonly string logDir;

    public WindowsMsiEngine(string logDir)
    {
        this.logDir = logDir;
        Directory.CreateDirectory(logDir);
    }

    public string Name => "windows";

    public string HostPath(string windowsPath) => windowsPath;

    public string WindowsPath(string hostPath) => Path.GetFullPath(hostPath);

    public MsiRun Run(string logName, params string[] args)
    {
        var log = Path.Combine(this.logDir, logName + ".log");
        File.Delete(log);
        var all = new List<string>(args) { "/l*v", log };
        var msiexec = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "msiexec.exe");
        var (code, output) = ProcessRunner.Run(msiexec, all, timeout: TimeSpan.FromMinutes(5));
        return new MsiRun("msiexec " + string.Join(' ', args), code, MsiLog.Read(log), output);
    }

    public MsiRun RunWrapped(string logName, string wrapperExe, IReadOnlyList<string> wrapperArgs, params string[] msiexecArgs)
    {
        var log = Path.Combine(this.logDir, logName + ".log");
        File.Delete(log);
        var all = new List<string>(wrapperArgs) { "--", "msiexec" };
        all.AddRange(msiexecArgs);
        all.AddRange(["/l*v", log]);
        var (code, output) = ProcessRunner.Run(wrapperExe, all, timeout: TimeSpan.FromMinutes(5));
        return new MsiRun("certinstaller-action " + string.Join(' ', wrapperArgs) + " -- msiexec " + string.Join(' ', msiexecArgs), code, MsiLog.Read(log), output);
    }

    public bool IsInstallFailure(int exitCode) => exitCode == 1603;

    public bool HidesHiddenProperties => true;

    public void Dispose()
    {
    }
}
