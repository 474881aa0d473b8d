namespace CertInstaller.Core.Codes;

/// <summary>Why ActionData (or a wrapped run's options) cannot be used; each value is its printed number (CI11001…). Never renumbered.</summary>
public enum ActionDataProblemCode
{
    /// <summary>CI11001: a key the contract does not know.</summary>
    UnknownKey = 11001,

    /// <summary>CI11002: a key (or a wrapper option) given more than once.</summary>
    DuplicateKey = 11002,

    /// <summary>CI11003: a value holds a control character; refused rather than written into logs.</summary>
    ControlCharacter = 11003,

    /// <summary>CI11004: CertDir or BackupDir is empty.</summary>
    FolderMissing = 11004,

    /// <summary>CI11005: CertDir or BackupDir is not a full path.</summary>
    FolderNotFullPath = 11005,

    /// <summary>CI11006: ProductCode is not a product code.</summary>
    ProductCodeInvalid = 11006,

    /// <summary>CI11007: a value is longer than the contract allows (ProductVersion).</summary>
    ValueTooLong = 11007,

    /// <summary>CI11008: Host is not a host name.</summary>
    HostInvalid = 11008,

    /// <summary>CI11009: a value is not one of the allowed words (Mode, Validation) or not 1/0 (Preserve).</summary>
    ValueNotAllowed = 11009,

    /// <summary>CI11010: a number is not whole or out of its range (Retain, ExpiryWarningDays).</summary>
    NumberOutOfRange = 11010,

    /// <summary>CI11011: MinDigest is not a digest name.</summary>
    DigestUnknown = 11011,

    /// <summary>CI11012: a preserve pattern holds the pattern separator '|'.</summary>
    PatternInvalid = 11012,
}
