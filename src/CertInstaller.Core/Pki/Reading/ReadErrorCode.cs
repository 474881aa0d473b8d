namespace CertInstaller.Core.Pki.Reading;

/// <summary>Why a file could not be read as PKI data. Numbers are stable.</summary>
public enum ReadErrorCode
{
    /// <summary>The file could not be opened or read (missing, no permission, I/O error).</summary>
    Unreadable = 1,
    /// <summary>The file is empty.</summary>
    Empty = 2,
    /// <summary>The bytes are neither PEM nor a recognised DER structure.</summary>
    NotPki = 3,
    /// <summary>The data is PKI-shaped but malformed: truncated DER, bad length, bad base64.</summary>
    Malformed = 4,
    /// <summary>A PEM block has a label this tool does not read.</summary>
    UnsupportedPemLabel = 5,
    /// <summary>The object is encrypted and no password was given.</summary>
    PasswordRequired = 6,
    /// <summary>The password given does not decrypt the object.</summary>
    WrongPassword = 7,

    /// <summary>The path is a symbolic link or junction, which is never followed.</summary>
    Link = 8,

    /// <summary>The path is a FIFO, socket or device (or was swapped for one while being opened): never opened, never read.</summary>
    NotRegularFile = 9,

    /// <summary>The file is larger than the reader's cap (<see cref="PkiReader.MaxFileBytes"/>, 4 MiB by default; PKI files
    /// are kilobytes): not read, so a huge file cannot exhaust memory.</summary>
    TooLarge = 10,

    /// <summary>The PEM text holds more blocks than the reader's cap (<see cref="PkiReader.MaxPemBlocks"/>, 2,000 by default):
    /// not parsed, so a crafted file cannot take minutes and gigabytes.</summary>
    TooManyBlocks = 11,
}
