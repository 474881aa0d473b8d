using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;

namespace CertInstaller.PowerShell.Hosting;

/// <summary>Runs the installer the wrapper protects as a child process sharing the console (netstandard2.0 has no
/// ProcessStartInfo.ArgumentList, so the arguments are quoted as the Windows C runtime splits them).</summary>
internal sealed class InstallerProcess : IInstallerProcess
{
    /// <inheritdoc/>
    public int Run(InstallerCommand command, Action<StartedProcess> started)
    {
        var start = new ProcessStartInfo(command.Program, string.Join(" ", command.Arguments.Skip(1).Select(Quote))) { UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InstallerStartException($"{command.Program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new InstallerStartException($"{command.Program}: {e.Message}", e);
        }

        using (process)
        {
            started(new StartedProcess(process.Id, Path.GetFileNameWithoutExtension(command.Program), DateTimeOffset.UtcNow));
            process.WaitForExit();
            return process.ExitCode;
        }
    }

    // CommandLineToArgvW rules: backslashes are literal unless they precede a quote; quotes are escaped.
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '"']) < 0)
        {
            return argument;
        }

        var text = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            text.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return text.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
