using System.Text;
using System.Text.Json;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using System.Text.Json.Serialization.Metadata;

namespace CertInstaller.Installer.Operations;

/// <summary>Ties the snapshot Backup took to the Preserve, Validate, rollback and commit actions of the same installation.</summary>
/// <remarks>
/// Windows Installer gives deferred actions no shared state, and one product installs at a time, so a small file
/// per product code in the backup root is the link. Commit and rollback remove it; a stale one (power loss) is
/// removed by the next Backup. It goes through <see cref="IFileSystem"/> and is written like every durable file
/// (temp, flush to disk, rename, directory sync), so after a power cut it is either absent or whole.
/// Chosen over WiX's TouchFile pattern (an immediate action putting the snapshot id into each deferred action's
/// CustomActionData): only the deferred Backup can take the snapshot, the old package of a major upgrade runs no
/// action and a marker is keyed by its own product code, a rollback in another process (or after a reboot) reads
/// the durable file, and the wrapper finishes interrupted runs from the same file. installer/README.md, "Why a
/// transaction marker", has the reasoning.
/// </remarks>
/// <param name="SnapshotId">The snapshot taken by Backup.</param>
/// <param name="ProductCode">The product whose installation took it.</param>
/// <param name="Mode">The installer mode.</param>
public sealed record TransactionMarker(string SnapshotId, string ProductCode, string Mode)
{
    // Source-generated contract (Serialization.InstallerJsonContext): NativeAOT hosts write and read markers too.
    private static readonly JsonTypeInfo<TransactionMarker> Info =
        (JsonTypeInfo<TransactionMarker>)Serialization.InstallerJsonContext.CamelCase(indented: false).GetTypeInfo(typeof(TransactionMarker));

    /// <summary>The marker file for <paramref name="productCode"/> under <paramref name="backupDir"/>.</summary>
    public static string PathFor(string backupDir, string productCode)
    {
        var key = new string((productCode.Length == 0 ? "no-product-code" : productCode)
            .Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray());
        if (key.Length > 64)
        {
            // A file name has a length limit; a long product code must not fail the install after the snapshot was taken.
            key = key.Substring(0, 32) + "-" + Org.BouncyCastle.Utilities.Encoders.Hex.ToHexString(System.Security.Cryptography.SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(productCode))).Substring(0, 16);
        }

        return Path.Combine(backupDir, $"transaction-{key}.json");
    }

    /// <summary>Writes the marker durably (temp file, flush, rename over, directory sync), private.</summary>
    public void Write(string backupDir, IFileSystem? fs = null) =>
        Durable.Replace(fs ?? BackupPorts.Machine.FileSystem, PathFor(backupDir, ProductCode), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Info)), privateAccess: true);

    /// <summary>The marker of <paramref name="productCode"/>, or null when Backup has not run for this installation.</summary>
    public static TransactionMarker? Read(string backupDir, string productCode, IFileSystem? fs = null)
    {
        fs ??= BackupPorts.Machine.FileSystem;
        var path = PathFor(backupDir, productCode);
        if (fs.GetEntry(path)?.Kind != FileSystemEntryKind.File) return null;
        try
        {
            using var stream = fs.OpenRead(path);
            var marker = JsonSerializer.Deserialize(stream, Info);
            return marker is { SnapshotId.Length: > 0 } ? marker : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the marker of <paramref name="productCode"/>, if any, durably.</summary>
    public static void Delete(string backupDir, string productCode, IFileSystem? fs = null)
    {
        fs ??= BackupPorts.Machine.FileSystem;
        var path = PathFor(backupDir, productCode);
        if (fs.GetEntry(path) is not null) Durable.Delete(fs, path);
    }
}
