namespace CertInstaller.MsiE2E.Tests.Engine;

/// <summary>A Windows Installer engine the scenarios drive: Wine's msiexec on Linux, msiexec.exe on Windows.</summary>
public interface IMsiEngine : IDisposable
{
    string Name { get; }

    /// <summary>The file-system path, on the test host, of a path as the engine (Windows) sees it.</summary>
    string HostPath(string windowsPath);

    /// <summary>The path as the engine sees it of a path on the test host.</summary>
    string WindowsPath(string hostPath);

    /// <summary>Runs msiexec with <paramref name="args"/> plus a verbose log named after <paramref name="logName"/>.</summary>
    MsiRun Run(string logName, params string[] args);

    /// <summary>Runs <paramref name="wrapperExe"/> (the win-x64 action host) with <paramref name="wrapperArgs"/>, then
    /// <c>--</c>, then msiexec with <paramref name="msiexecArgs"/> plus a verbose log named after <paramref name="logName"/>:
    /// <c>certinstaller-action run ... -- msiexec ...</c>. The exit code is the wrapper's (Wine: cut to 8 bits).</summary>
    MsiRun RunWrapped(string logName, string wrapperExe, IReadOnlyList<string> wrapperArgs, params string[] msiexecArgs);

    /// <summary>Whether an exit code means "the installation failed" (Windows: 1603; Wine truncates exit codes to 8 bits).</summary>
    bool IsInstallFailure(int exitCode);

    /// <summary>Whether the engine keeps the values of the properties MsiHiddenProperties lists out of its log (Windows
    /// does; Wine 8.0's msi.dll never reads that property and logs every value).</summary>
    bool HidesHiddenProperties { get; }
}
