using System.ComponentModel;
using System.Diagnostics;
using CertInstaller.Core.Codes;
using CertInstaller.Installer.Data;
using CertInstaller.Installer.Operations;
using CertInstaller.Installer.Wrapper;

namespace CertInstaller.ActionHost;

/// <summary>Runs the installer command as a child process with this process's stdin, stdout and stderr.</summary>
internal sealed class ChildProcess : IInstallerProcess
{
    /// <inheritdoc />
    public int Run(InstallerCommand command, Action<StartedProcess> started)
    {
        var start = new ProcessStartInfo(command.Program) { UseShellExecute = false };
        if (command.RawArguments is { } raw)
        {
            start.Arguments = raw; // Windows: the administrator's text after the program, as msiexec expects to parse it
        }
        else
        {
            foreach (var argument in command.Arguments.Skip(1)) start.ArgumentList.Add(argument);
        }

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
            started(new StartedProcess(process.Id, Name(process, command.Program), StartUtc(process)));
            process.WaitForExit();
            return process.ExitCode;
        }
    }

    private static string Name(Process process, string program)
    {
        try
        {
            return process.ProcessName;
        }
        catch (InvalidOperationException)
        {
            return Path.GetFileNameWithoutExtension(program); // exited already
        }
    }

    private static DateTimeOffset StartUtc(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime());
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return DateTimeOffset.UtcNow;
        }
    }
}
