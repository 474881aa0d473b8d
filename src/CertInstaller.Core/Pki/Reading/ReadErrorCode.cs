namespace CertInstaller.Core.Pki.Reading;

/// <summary>Why a file could not be read as PKI data. Each value is its printed number (CI1101…); never renumbered.</summary>
public enum ReadErrorCode
{
    /// <summary>The file could not be opened or read (missing, no permission, I/O error).</summary>
    Unreadable = 1101,
    /// <summary>The file is empty.</summary>
    Empty = 1102,
    /// <summary>The bytes are neither PEM nor a recognised DER structure.</summary>
    NotPki = 1103,
    /// <summary>The data is PKI-shaped but malformed: truncated DER, bad length, bad base64.</summary>
    Malformed = 1104,
    /// <summary>A PEM block has a label this tool does not read.</summary>
    UnsupportedPemLabel = 1105,
    /// <summary>The object is encrypted and no password was given.</summary>
    PasswordRequired = 1106,
    /// <summary>The password given does not decrypt the object.</summary>
    WrongPassword = 1107,

    /// <summary>The path is a symbolic link or junction, which is never followed.</summary>
    Link = 1108,

    /// <summary>The path is a FIFO, socket or device (or was swapped for one while being opened): never opened, never read.</summary>
    NotRegularFile = 1109,

    /// <summary>The file is larger than the reader's cap (<see cref="PkiReader.MaxFileBytes"/>, 4 MiB by default; PKI files
    /// are kilobytes): not read, so a huge file cannot exhaust memory.</summary>
    TooLarge = 1110,

    /// <summary>The PEM text holds more blocks than the reader's cap (<see cref="PkiReader.MaxPemBlocks"/>, 2,000 by default):
    /// not parsed, so a crafted file cannot take minutes and gigabytes.</summary>
    TooManyBlocks = 1111,
}
