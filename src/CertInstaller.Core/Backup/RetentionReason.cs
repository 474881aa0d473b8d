namespace CertInstaller.Core.Backup;

/// <summary>Why retention keeps or deletes a snapshot. Values are stable.</summary>
public enum RetentionReason
{
    /// <summary>Among the N newest.</summary>
    Newest = 1,

    /// <summary>The newest snapshot whose folder validated clean.</summary>
    NewestValidatedClean = 2,

    /// <summary>Holds the only copy of a third-party file.</summary>
    OnlyCopyOfThirdPartyFile = 3,

    /// <summary>Holds the only copy of a file a restore displaced.</summary>
    OnlyCopyOfDisplacedFile = 4,

    /// <summary>None of the above: deleted.</summary>
    Expired = 5,

    /// <summary>Failed verification (damaged, unreadable manifest, or not private to this store): kept for an administrator to
    /// inspect, never counted as a copy of anything and never deleted by retention.</summary>
    FailedVerification = 6,
}
