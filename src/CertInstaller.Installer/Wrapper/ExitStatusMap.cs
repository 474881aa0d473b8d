namespace CertInstaller.Installer.Wrapper;

/// <summary>One row of <see cref="ExitStatusMap.Table"/>: a code the wrapper means and the 8-bit status that carries it on Linux.</summary>
/// <param name="Code">The Windows Installer code (<see cref="InstallerExitCodes"/>), e.g. 1603.</param>
/// <param name="UnixStatus">The process exit status that stands for it on Linux, e.g. 67.</param>
/// <param name="Meaning">What it means, as README's table words it.</param>
public sealed record ExitStatusRow(int Code, int UnixStatus, string Meaning);

/// <summary>
/// How the Windows Installer codes the action host and the wrapper mean travel as process exit statuses. Windows keeps
/// 32 bits; a Linux process status keeps 8 (1603 arrives as 67, 3010 as 194; Wine's msiexec seen from Linux too). One
/// table, documented in README ("Exit statuses on Linux"), decides both ways.
/// </summary>
/// <remarks>
/// Read: a status that stands for a success code (194 → 3010, 105 → 1641) is that success, so a reboot request is never
/// taken for a failure; every other status is the installer's own and stays as it is. Write: a code of the table leaves as
/// its row's status, any other code as its low 8 bits, except that a failure never leaves as a status that reads as a
/// success (1792's low byte is 0, 450's is 194): those leave as 67, the failure status.
/// </remarks>
public sealed class ExitStatusMap
{
    private readonly bool _eightBits;

    private ExitStatusMap(bool eightBits) => _eightBits = eightBits;

    /// <summary>Windows (and the win-x64 host under Wine): a status is the code itself.</summary>
    public static ExitStatusMap Windows { get; } = new(eightBits: false);

    /// <summary>Linux and other Unix: 8-bit statuses, mapped by <see cref="Table"/>.</summary>
    public static ExitStatusMap Unix { get; } = new(eightBits: true);

    /// <summary>The documented codes and their Linux statuses (each status is the code's low 8 bits, what Wine reports too).</summary>
    public static IReadOnlyList<ExitStatusRow> Table { get; } =
    [
        new(InstallerExitCodes.Success, 0, "success"),
        new(InstallerExitCodes.RebootRequired, 194, "success, a reboot is required"),
        new(InstallerExitCodes.RebootInitiated, 105, "success, the installer started a reboot"),
        new(InstallerExitCodes.Failure, 67, "failure: an operation failed, or CertInstaller failed the run"),
        new(InstallerExitCodes.AlreadyRunning, 82, "another CertInstaller run holds the folder; nothing ran"),
        new(InstallerExitCodes.InvalidCommandLine, 103, "bad options or ActionData; nothing ran"),
    ];

    /// <summary>Whether statuses are cut to 8 bits (a code and its status may differ).</summary>
    public bool EightBits => _eightBits;

    /// <summary>The process status that carries <paramref name="code"/>.</summary>
    public int StatusOf(int code)
    {
        if (!_eightBits)
        {
            return code;
        }

        if (Table.FirstOrDefault(r => r.Code == code) is { } row)
        {
            return row.UnixStatus;
        }

        var low = code & 0xFF;
        return ReadsAsSuccess(low) ? StatusOf(InstallerExitCodes.Failure) : low;
    }

    /// <summary>The code an installer meant by exiting with <paramref name="status"/>.</summary>
    public int CodeOf(int status) =>
        _eightBits && Table.FirstOrDefault(r => r.UnixStatus == status && InstallerExitCodes.IsSuccess(r.Code)) is { } row ? row.Code : status;

    /// <summary>"1603 (process status 67)" where the two differ, else "1603".</summary>
    public string Describe(int code) => StatusOf(code) is var status && status != code ? $"{code} (process status {status})" : code.ToString();

    private static bool ReadsAsSuccess(int status) => Table.Any(r => r.UnixStatus == status && InstallerExitCodes.IsSuccess(r.Code));
}
