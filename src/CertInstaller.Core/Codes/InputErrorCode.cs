namespace CertInstaller.Core.Codes;

/// <summary>Input a host (certharness, certinstaller-action, the PowerShell module) refuses before any work, when no other
/// area's code says it; each value is its printed number (CI14050…). Never renumbered. Command-line syntax errors
/// (an unknown option, a missing argument) stay System.CommandLine's own messages with the usage exit code.</summary>
public enum InputErrorCode
{
    /// <summary>CI14050: an option's value is not one it accepts (a purpose, a profile, a depth, a time, a key type, an address).</summary>
    OptionValueInvalid = 14050,

    /// <summary>CI14051: options that do not go together, or that disagree (--json with --format junit, --key with --key-type).</summary>
    OptionsConflict = 14051,

    /// <summary>CI14052: something the run needs was not given (a subject, a key output, the PFX password, the installer command).</summary>
    InputMissing = 14052,

    /// <summary>CI14053: a file or folder given does not exist.</summary>
    InputNotFound = 14053,

    /// <summary>CI14054: a path names a file where a folder belongs, or a folder where a file belongs.</summary>
    InputWrongKind = 14054,

    /// <summary>CI14055: the file given holds no object of the kind the option takes (no certificate, CSR, private key or CRL).</summary>
    NothingOfThatKind = 14055,

    /// <summary>CI14056: an output already exists (or a folder for outputs is not empty); nothing is ever overwritten.</summary>
    OutputExists = 14056,

    /// <summary>CI14057: an output cannot be written where asked (inside the certificates folder, into a missing folder, a write error).</summary>
    OutputRefused = 14057,

    /// <summary>CI14058: the password file cannot be read, or its first line is too long to be a password.</summary>
    PasswordFileUnusable = 14058,

    /// <summary>CI14059: the OpenSSL configuration given lacks what the request needs (subject defaults, a supported default_bits).</summary>
    ConfigIncomplete = 14059,

    /// <summary>CI14060: a PFX that was built did not verify (before writing or read back); nothing is left behind.</summary>
    PfxNotVerified = 14060,

    /// <summary>CI14061: the backup folder given holds no complete snapshot that verifies.</summary>
    NoIntactSnapshot = 14061,

    /// <summary>CI14062: a file operation failed outside the readers (access denied, an I/O error).</summary>
    FileAccessFailed = 14062,

    /// <summary>CI14063: an unexpected failure (a defect or an environment problem); the message names the operation.</summary>
    Unexpected = 14063,

    /// <summary>CI14064: Preserve ran without this installation's Backup (no transaction marker): the package sequences the actions wrongly.</summary>
    BackupNotRun = 14064,

    /// <summary>CI14065: the installer command given to the wrapper could not be started (not found, not executable).</summary>
    CommandNotStarted = 14065,
}
