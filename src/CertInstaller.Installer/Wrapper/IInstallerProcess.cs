namespace CertInstaller.Installer.Wrapper;

/// <summary>Runs the installer command the wrapper protects; behind an interface so Core tests run without processes.</summary>
public interface IInstallerProcess
{
    /// <summary>Starts <paramref name="command"/> with the wrapper's stdin, stdout and stderr, reports it through
    /// <paramref name="started"/>, waits for it and returns its exit code.</summary>
    /// <exception cref="InstallerStartException">The command could not be started (not found, not executable).</exception>
    int Run(InstallerCommand command, Action<StartedProcess> started);
}

/// <summary>The installer process, as recorded in the run state (an interrupted run's installer must not still be running when the next run restores).</summary>
/// <param name="ProcessId">Its process id.</param>
/// <param name="ProcessName">Its process name.</param>
/// <param name="StartUtc">When it started (tells a recycled process id apart).</param>
public sealed record StartedProcess(int ProcessId, string ProcessName, DateTimeOffset StartUtc);

/// <summary>The installer command could not be started.</summary>
public sealed class InstallerStartException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The command the wrapper runs: its arguments as parsed, and on Windows the raw text after <c>--</c>.</summary>
/// <param name="Arguments">Program and arguments (at least the program).</param>
public sealed record InstallerCommand(IReadOnlyList<string> Arguments)
{
    /// <summary>On Windows, the wrapper's own command line after the program token that follows <c>--</c>, unchanged:
    /// msiexec parses its command line itself (<c>PROP="C:\a b"</c>), so it gets the administrator's text, not a re-quoted one.
    /// Null where arguments travel as a list (Unix), or when the text could not be found.</summary>
    public string? RawArguments { get; init; }

    /// <summary>The program to start.</summary>
    public string Program => Arguments[0];

    /// <summary>The command for logs, snapshot reasons and the summary: quoted where needed, values of secret-looking properties hidden.</summary>
    public string Display => CommandLineText.Display(Arguments);
}
