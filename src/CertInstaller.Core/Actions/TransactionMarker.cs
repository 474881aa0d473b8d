using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CertInstaller.Core.Actions;

/// <summary>Ties the snapshot Backup took to the Preserve, Validate, rollback and commit actions of the same installation.</summary>
/// <remarks>
/// Windows Installer gives deferred actions no shared state, and one product installs at a time, so a small file
/// per product code in the backup root is the link. Commit and rollback remove it; a stale one (power loss) is
/// overwritten by the next Backup.
/// </remarks>
/// <param name="SnapshotId">The snapshot taken by Backup.</param>
/// <param name="ProductCode">The product whose installation took it.</param>
/// <param name="Mode">The installer mode.</param>
public sealed record TransactionMarker(string SnapshotId, string ProductCode, string Mode)
{
    // Source-generated contract (Serialization.CoreJsonContext): NativeAOT hosts write and read markers too.
    private static readonly JsonTypeInfo<TransactionMarker> Info = (JsonTypeInfo<TransactionMarker>)new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = Serialization.CoreJsonContext.Default,
    }.GetTypeInfo(typeof(TransactionMarker));

    /// <summary>The marker file for <paramref name="productCode"/> under <paramref name="backupDir"/>.</summary>
    public static string PathFor(string backupDir, string productCode)
    {
        var key = new string((productCode.Length == 0 ? "no-product-code" : productCode)
            .Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray());
        return Path.Combine(backupDir, $"transaction-{key}.json");
    }

    /// <summary>Writes the marker atomically (temp file, then rename).</summary>
    public void Write(string backupDir)
    {
        var path = PathFor(backupDir, ProductCode);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Info));
        if (File.Exists(path)) File.Replace(temp, path, destinationBackupFileName: null);
        else File.Move(temp, path);
    }

    /// <summary>The marker of <paramref name="productCode"/>, or null when Backup has not run for this installation.</summary>
    public static TransactionMarker? Read(string backupDir, string productCode)
    {
        var path = PathFor(backupDir, productCode);
        if (!File.Exists(path)) return null;
        try
        {
            var marker = JsonSerializer.Deserialize(File.ReadAllText(path), Info);
            return marker is { SnapshotId.Length: > 0 } ? marker : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the marker of <paramref name="productCode"/>, if any.</summary>
    public static void Delete(string backupDir, string productCode)
    {
        var path = PathFor(backupDir, productCode);
        if (File.Exists(path)) File.Delete(path);
    }
}
