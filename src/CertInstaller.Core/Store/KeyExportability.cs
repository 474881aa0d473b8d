namespace CertInstaller.Core.Store;

/// <summary>Whether a store certificate's private key may be exported, as its CSP or CNG key says (never tried).</summary>
public enum KeyExportability
{
    /// <summary>No private key, or its provider does not say (no access to the key, an unknown provider).</summary>
    Unknown,
    /// <summary>The key is marked exportable (CAPI CRYPT_EXPORTABLE, CNG AllowExport or AllowPlaintextExport).</summary>
    Yes,
    /// <summary>The key is marked non-exportable: IC's wizard cannot import it into the folder, nor a backup server copy it.</summary>
    No,
}
