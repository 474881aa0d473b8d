namespace CertInstaller.Core.Store;

/// <summary>One certificate of a LocalMachine store, as read without touching its private key's secret.</summary>
/// <param name="Store">The store it sits in.</param>
/// <param name="Thumbprint">SHA-1 thumbprint, upper-case hex (as certutil and mmc show it).</param>
/// <param name="Subject">Subject distinguished name.</param>
/// <param name="Issuer">Issuer distinguished name.</param>
/// <param name="NotBefore">Start of validity, UTC.</param>
/// <param name="NotAfter">End of validity, UTC.</param>
/// <param name="HasPrivateKey">True when the store links a private key to it (CERT_KEY_PROV_INFO).</param>
/// <param name="KeyExportable">Whether that key is marked exportable; <see cref="KeyExportability.Unknown"/> without a key.</param>
/// <param name="PrivateKeyMatches">True when the linked key's public half is the certificate's public key, false when
/// it is another key's, null when unknown (no key, or the key could not be opened).</param>
/// <param name="RawDer">The certificate's DER encoding.</param>
public sealed record StoreCertificate(
    MachineStore Store,
    string Thumbprint,
    string Subject,
    string Issuer,
    DateTime NotBefore,
    DateTime NotAfter,
    bool HasPrivateKey,
    KeyExportability KeyExportable,
    bool? PrivateKeyMatches,
    ReadOnlyMemory<byte> RawDer);
