using System.Diagnostics;

namespace CertInstaller.ActionHost.Tests;

/// <summary>How the tests start certinstaller-action: through the dotnet muxer (framework-dependent, Linux), or as the
/// self-contained win-x64 exe built next to the tests (-p:WinX64Tests=true, run under Wine), which has no muxer.</summary>
internal static class HostProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "certinstaller-action.exe");
        ProcessStartInfo start;
        if (OperatingSystem.IsWindows() && File.Exists(exe))
        {
            start = new ProcessStartInfo(exe);
        }
        else
        {
            start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "certinstaller-action.dll"));
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }
}
