namespace CertInstaller.Core.Backup;

/// <summary>The classification of one file, as the caller decides it, with the reason recorded in the manifest.</summary>
/// <param name="Origin">IC-issued, third-party or other.</param>
/// <param name="Reason">Why (e.g. "issuer CN=Contoso Root is not the IC CA").</param>
public readonly record struct FileClassification(FileOrigin Origin, string Reason)
{
    /// <summary>The classification used when the caller supplies none.</summary>
    public static FileClassification Unclassified { get; } = new(FileOrigin.Unknown, "not classified");
}
