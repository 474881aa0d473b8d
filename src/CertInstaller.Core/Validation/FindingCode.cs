namespace CertInstaller.Core.Validation;

/// <summary>Every finding validation can report. Numbers are stable: never renumber, only add.</summary>
public enum FindingCode
{
    /// <summary>CI1001: a file could not be read as the PKI object its name says it is.</summary>
    UnreadableFile = 1001,
    /// <summary>CI1002: the map file is not safe, well-formed XML (DTD, entity, malformed).</summary>
    MapFileUnreadable = 1002,
    /// <summary>CI1003: the map names a file inside the folder that is not there.</summary>
    MapEntryMissing = 1003,
    /// <summary>CI1004: the map names a path that leaves the folder; it was not opened.</summary>
    MapEntryOutsideFolder = 1004,
    /// <summary>CI1005: a link inside the folder was not followed.</summary>
    LinkNotFollowed = 1005,
    /// <summary>CI1006: the certificates folder does not exist.</summary>
    FolderMissing = 1006,
    /// <summary>CI1007: the folder holds no IC layout the rules recognise.</summary>
    FolderUnrecognised = 1007,
    /// <summary>CI2001: a private key does not belong to the certificate of its set.</summary>
    KeyMismatch = 2001,
    /// <summary>CI2002: a certificate has no private key next to it where IC expects one.</summary>
    KeyMissing = 2002,
    /// <summary>CI3001: the certificate's chain does not build to the folder's trusted certificates.</summary>
    ChainNotTrusted = 3001,
    /// <summary>CI3002: the certificate has expired.</summary>
    Expired = 3002,
    /// <summary>CI3003: the certificate is not valid yet.</summary>
    NotYetValid = 3003,
    /// <summary>CI3004: the certificate expires within the warning window.</summary>
    ExpiringSoon = 3004,
    /// <summary>CI3005: the signature digest is weaker than the policy minimum.</summary>
    WeakDigest = 3005,
    /// <summary>CI3006: the public key is smaller than the policy minimum.</summary>
    WeakKey = 3006,
    /// <summary>CI3007: the host name is not among the certificate's SANs.</summary>
    HostNotInSan = 3007,
    /// <summary>CI4001: a switchover pair does not share the same Server Group certificate and key.</summary>
    SwitchoverMismatch = 4001,
    /// <summary>CI4002: the peer folder of a switchover check does not exist.</summary>
    PeerFolderMissing = 4002,
    /// <summary>CI5001: a third-party file of the baseline snapshot is not byte-identical after install.</summary>
    ThirdPartyChanged = 5001,
    /// <summary>CI5002: a third-party file of the baseline snapshot is gone after install.</summary>
    ThirdPartyMissing = 5002,
    /// <summary>CI6001: a private key file can be read by every user.</summary>
    PrivateKeyWorldReadable = 6001,
    /// <summary>CI7001: a leftover copy (*.cer.1, *.backup) sits in the folder.</summary>
    LeftoverBackup = 7001,
}
