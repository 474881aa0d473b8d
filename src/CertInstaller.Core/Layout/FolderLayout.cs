namespace CertInstaller.Core.Layout;

/// <summary>A certificates folder as recognised: its kind, server, files, certificate sets and map.</summary>
/// <param name="Root">The scanned folder, full path.</param>
/// <param name="Kind">IC server, off-server component, ...</param>
/// <param name="ServerName">The server name found in file names or the map name, if any.</param>
/// <param name="Entries">Every regular file, in ordinal path order.</param>
/// <param name="Sets">Certificate/key/trusted triples per use type.</param>
/// <param name="Maps">Each map file found at the root.</param>
/// <param name="Skipped">Links and unreadable entries that were not followed, with the reason.</param>
public sealed record FolderLayout(
    string Root,
    FolderKind Kind,
    string? ServerName,
    IReadOnlyList<LayoutEntry> Entries,
    IReadOnlyList<CertificateSet> Sets,
    IReadOnlyList<CertificateMap> Maps,
    IReadOnlyList<SkippedPath> Skipped)
{
    /// <summary>The passwords the map files give (&lt;Password&gt; elements or Password attributes), in document order.
    /// Validation tries them on encrypted keys and PKCS#12 files after any password the caller gave.</summary>
    public IReadOnlyList<string> MapPasswords { get; init; } = [];

    /// <summary>The full path of a relative path of this folder.</summary>
    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>A path the scan did not follow.</summary>
/// <param name="RelativePath">The path, '/'-separated.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SkippedPath(string RelativePath, string Reason)
{
    /// <summary>What the entry is: <see cref="IO.FileSystemEntryKind.Link"/> (never followed), a FIFO, socket or device
    /// (never opened), or <see cref="IO.FileSystemEntryKind.Directory"/> for a folder that could not be listed.</summary>
    public IO.FileSystemEntryKind Kind { get; init; } = IO.FileSystemEntryKind.Link;
}
