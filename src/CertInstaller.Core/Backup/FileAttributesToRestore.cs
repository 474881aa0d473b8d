namespace CertInstaller.Core.Backup;

/// <summary>What a restore gives a staged file besides its bytes: times, the read-only flag and its own permissions.</summary>
/// <param name="CreatedUtc">Creation time (Windows; Unix has none to set).</param>
/// <param name="ModifiedUtc">Last write time.</param>
/// <param name="ReadOnly">The read-only attribute.</param>
/// <param name="Permissions">Unix mode in octal or a Windows SDDL (see <see cref="ManifestEntry.Permissions"/>); null keeps the private default.</param>
internal sealed record FileAttributesToRestore(DateTime CreatedUtc, DateTime ModifiedUtc, bool ReadOnly, string? Permissions)
{
    public static FileAttributesToRestore Of(ManifestEntry entry) => new(entry.CreatedUtc, entry.ModifiedUtc, entry.ReadOnly, entry.Permissions);

    public static FileAttributesToRestore Of(LiveFile live) => new(live.Entry.CreatedUtc, live.Entry.ModifiedUtc, live.Entry.IsReadOnly, live.Permissions);
}
