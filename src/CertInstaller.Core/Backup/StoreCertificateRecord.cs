using CertInstaller.Core.Store;

namespace CertInstaller.Core.Backup;

/// <summary>One certificate the folder relies on, as a LocalMachine store held it when the snapshot was taken.</summary>
/// <param name="Store">The store it belongs in.</param>
/// <param name="Role">What it is to the folder.</param>
/// <param name="Thumbprint">SHA-1 thumbprint, upper-case hex (as certutil and mmc show it).</param>
/// <param name="Subject">Subject as the store spells it (as the folder's file does when the store did not hold it).</param>
/// <param name="NotBefore">Start of validity, UTC (tells which of two certificates of one subject is newer).</param>
/// <param name="Present">Whether the store held it.</param>
/// <param name="HasPrivateKey">Whether the store linked a private key to it.</param>
/// <param name="KeyExportable">Whether that key was marked exportable.</param>
/// <param name="PrivateKeyMatches">Whether the linked key was the certificate's own; null when unknown.</param>
/// <param name="FolderFile">The folder's file that holds the same certificate ('/' separated), or null.</param>
public sealed record StoreCertificateRecord(
    MachineStore Store,
    StoreCertificateRole Role,
    string Thumbprint,
    string Subject,
    DateTime NotBefore,
    bool Present,
    bool HasPrivateKey,
    KeyExportability KeyExportable,
    bool? PrivateKeyMatches,
    string? FolderFile);
