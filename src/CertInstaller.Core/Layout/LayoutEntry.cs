namespace CertInstaller.Core.Layout;

/// <summary>One file of a certificates folder and what its path says about it.</summary>
/// <param name="RelativePath">Path under the folder, '/'-separated.</param>
/// <param name="Role">The area of the folder.</param>
/// <param name="Part">Certificate, key, trusted, ...</param>
/// <param name="Server">The server name from the file name, if any.</param>
/// <param name="UseType">The use type from the file name (Server, Client, ServerGroup, Line, ...), if any.</param>
/// <param name="Peer">The peer or remote-client folder name, for remote areas.</param>
public sealed record LayoutEntry(
    string RelativePath,
    CertificateRole Role,
    FilePart Part,
    string? Server,
    string? UseType,
    string? Peer);
