namespace CertInstaller.Core.Layout;

/// <summary>The &lt;server&gt;_ININ_Certificates.xml map, its paths re-based onto the folder actually scanned.</summary>
/// <param name="RelativePath">Where the map file is, relative to the folder.</param>
/// <param name="Entries">Every path the map names, in document order.</param>
/// <param name="Error">Why the map could not be read (DTD, malformed XML), or null.</param>
public sealed record CertificateMap(string RelativePath, IReadOnlyList<MapEntry> Entries, string? Error);

/// <summary>One path named by the map file.</summary>
/// <param name="Name">The element (and attribute) that holds the path, e.g. "Certificate/@Path".</param>
/// <param name="OriginalPath">The path as written in the map (absolute on the machine that wrote it).</param>
/// <param name="RelativePath">The path re-based onto the scanned folder, '/'-separated; null when it leaves the folder.</param>
/// <param name="Status">Whether the re-based file exists, is missing, or the path leaves the folder.</param>
public sealed record MapEntry(string Name, string OriginalPath, string? RelativePath, MapEntryStatus Status);

/// <summary>The state of one map entry after re-basing.</summary>
public enum MapEntryStatus
{
    /// <summary>The file exists inside the folder.</summary>
    Present,
    /// <summary>The path is inside the folder but no file is there.</summary>
    Missing,
    /// <summary>The path leaves the folder; it is never opened.</summary>
    OutsideFolder,
}
