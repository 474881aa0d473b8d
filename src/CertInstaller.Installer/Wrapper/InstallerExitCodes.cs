namespace CertInstaller.Installer.Wrapper;

/// <summary>The Windows Installer exit codes the wrapper reads and returns; deployment tools (SCCM, Intune) know them.</summary>
public static class InstallerExitCodes
{
    /// <summary>ERROR_SUCCESS.</summary>
    public const int Success = 0;

    /// <summary>ERROR_SUCCESS_REBOOT_REQUIRED: success, the deployment tool schedules a reboot.</summary>
    public const int RebootRequired = 3010;

    /// <summary>ERROR_SUCCESS_REBOOT_INITIATED: success, the installer started a reboot.</summary>
    public const int RebootInitiated = 1641;

    /// <summary>ERROR_INSTALL_FAILURE: what the wrapper returns when CertInstaller itself failed the run.</summary>
    public const int Failure = 1603;

    /// <summary>ERROR_INSTALL_ALREADY_RUNNING: another CertInstaller run holds the folder; deployment tools retry it.</summary>
    public const int AlreadyRunning = 1618;

    /// <summary>ERROR_INVALID_COMMAND_LINE: the wrapper's options, or an action host verb's command line or ActionData, are wrong; nothing was run.</summary>
    public const int InvalidCommandLine = 1639;

    /// <summary>Whether <paramref name="code"/> is one of the installer's success codes (0, 3010, 1641).</summary>
    public static bool IsSuccess(int code) => code is Success or RebootRequired or RebootInitiated;
}
