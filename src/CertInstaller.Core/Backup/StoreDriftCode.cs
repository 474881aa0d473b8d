namespace CertInstaller.Core.Backup;

/// <summary>How the LocalMachine stores differ, at restore, from what the snapshot recorded. Values are the printed numbers
/// (CI13050–CI13099 of the Store area) and are never renumbered.</summary>
public enum StoreDriftCode
{
    /// <summary>A certificate the snapshot found in the store is gone, and nothing of its subject took its place.</summary>
    StoreCertificateGone = 13050,

    /// <summary>The recorded certificate is gone, and another one of the same subject is in its store (renewed or replaced).</summary>
    StoreCertificateReplaced = 13051,

    /// <summary>The certificate is still there, but the private key the snapshot found linked to it is not.</summary>
    StoreKeyGone = 13052,

    /// <summary>The certificate's private key was exportable when the snapshot was taken and is marked non-exportable now.</summary>
    StoreKeyNoLongerExportable = 13053,

    /// <summary>The certificate's linked private key matched it when the snapshot was taken and is another key now.</summary>
    StoreKeyChanged = 13054,

    /// <summary>The snapshot recorded the stores, but this restore could not read them (off Windows, a store unreadable).</summary>
    StoreNotChecked = 13055,

    /// <summary>The snapshot holds no record of the stores (taken before this was recorded, off Windows, or the stores
    /// were unreadable then): the restore cannot tell whether they still match.</summary>
    StoreNotRecorded = 13056,
}
