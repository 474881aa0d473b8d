using CertInstaller.Core.Store;

namespace CertInstaller.Core.Backup;

/// <summary>One way the LocalMachine stores no longer match the snapshot a restore put back: the folder alone is then
/// not a working state. Restores report it; they never change a store.</summary>
/// <param name="Code">Stable code (CI13050–CI13099).</param>
/// <param name="Store">The store concerned, or null when the finding is about the record as a whole.</param>
/// <param name="Thumbprint">The recorded certificate's thumbprint, or null.</param>
/// <param name="Subject">The recorded certificate's subject, or null.</param>
/// <param name="Problem">What differs.</param>
/// <param name="Fix">What the administrator does about it (exact certutil / PowerShell commands).</param>
public sealed record StoreDrift(StoreDriftCode Code, MachineStore? Store, string? Thumbprint, string? Subject, string Problem, string Fix)
{
    /// <summary>"LocalMachine\My" and the like, or "the LocalMachine stores".</summary>
    public string StoreName => Store is { } s ? @"LocalMachine\" + s : "the LocalMachine stores";
}
