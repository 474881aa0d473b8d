namespace CertInstaller.Core.Codes;

/// <summary>The area a code belongs to; each area owns its own range of numbers (see docs/codes.md).</summary>
public enum CodeArea
{
    /// <summary>CI1001–CI1099: the folder, its map file, links and special files.</summary>
    Folder,
    /// <summary>CI1101–CI1199: reading and parsing one PKI file.</summary>
    Read,
    /// <summary>CI2001–CI2999: private and public keys.</summary>
    Keys,
    /// <summary>CI3001–CI3099: one certificate (validity, digest, key size, host, usage).</summary>
    Certificates,
    /// <summary>CI3101–CI3199: path building and validation (RFC 5280 §6.1, the Baseline Requirements).</summary>
    Chains,
    /// <summary>CI4001–CI4999: switchover pairs and peers.</summary>
    Switchover,
    /// <summary>CI5001–CI5999: the third-party baseline (what an install must not change).</summary>
    Baseline,
    /// <summary>CI6001–CI6999: private-key permissions.</summary>
    Permissions,
    /// <summary>CI7001–CI7999: leftovers of earlier changes.</summary>
    Leftovers,
    /// <summary>CI8001–CI8099: the CSRs\ work area of a folder.</summary>
    CsrWorkArea,
    /// <summary>CI8101–CI8199: one CSR against a policy, import checks.</summary>
    Csr,
    /// <summary>CI9001–CI9999: consistency across the folder (hierarchy, orphans).</summary>
    Consistency,
    /// <summary>CI10001–CI10099: backup, restore, retention, locks.</summary>
    Backup,
    /// <summary>CI10101–CI10199: verification of one snapshot.</summary>
    SnapshotVerification,
    /// <summary>CI11001–CI11099: the installer's ActionData contract.</summary>
    ActionData,
    /// <summary>CI12001–CI12099: files a run writes (the action log, the run summary, reports), refused when unsafe.</summary>
    OutputFiles,
    /// <summary>CI13001–CI13099: the LocalMachine certificate stores against the folder (single-certificate mode).</summary>
    Store,
    /// <summary>CI14001–CI14049: policy files (the validation policy, CSR policies).</summary>
    Policy,
    /// <summary>CI14050–CI14099: input a host refuses (an option, a missing or wrong file, an output it will not write).</summary>
    Input,
}
