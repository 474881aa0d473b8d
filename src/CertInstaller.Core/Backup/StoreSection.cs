namespace CertInstaller.Core.Backup;

/// <summary>The store's part of a snapshot (manifest <c>store</c>): the LocalMachine certificates the folder relies on, as
/// they were when the snapshot was taken. Identifiers and key state only: never a key, never certificate bytes.</summary>
/// <param name="Recorded">False when the stores were not read (off Windows, no store port, a store could not be opened):
/// a restore then has nothing to compare against.</param>
/// <param name="Note">Why nothing was recorded, or why the list is empty (no third-party Server Group certificate); null otherwise.</param>
/// <param name="Certificates">The Server Group certificate in My, then its issuers (CA, Root), leaf first.</param>
public sealed record StoreSection(bool Recorded, string? Note, IReadOnlyList<StoreCertificateRecord> Certificates)
{
    /// <summary>A section that says the stores were not read, and why.</summary>
    public static StoreSection NotRecorded(string why) => new(false, why, []);
}
