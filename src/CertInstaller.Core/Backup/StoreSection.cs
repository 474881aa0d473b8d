namespace CertInstaller.Core.Backup;

/// <summary>The store's part of a snapshot (manifest <c>store</c>): the LocalMachine certificates the folder relies on, as
/// they were when the snapshot was taken. Identifiers and key state only: never a key, never certificate bytes.</summary>
/// <param name="Recorded">False when the stores were not read (off Windows, no store port, a store could not be opened):
/// a restore then has nothing to compare against.</param>
/// <param name="Note">Why nothing was recorded, or why the list is empty (the folder is not in single-certificate mode); null otherwise.</param>
/// <param name="Certificates">The folder's single certificate in My, then the issuers of the path <c>store</c> validates (CA, Root), leaf first.</param>
public sealed record StoreSection(bool Recorded, string? Note, IReadOnlyList<StoreCertificateRecord> Certificates)
{
    /// <summary>A section that says the stores were not read, and why.</summary>
    public static StoreSection NotRecorded(string why) => new(false, why, []);
}
