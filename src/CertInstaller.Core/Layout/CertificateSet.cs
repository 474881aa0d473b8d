namespace CertInstaller.Core.Layout;

/// <summary>A certificate with its private key, public key and the trusted certificate of the same folder, paired per use type.</summary>
/// <param name="Directory">Folder of the set, relative, '/'-separated ("" for the root).</param>
/// <param name="Server">Server name prefix, or null (ServerGroup).</param>
/// <param name="UseType">Use type (ServerGroup, ICCertificateAuthority, Server, Client, Line, ...).</param>
/// <param name="Role">The area of the folder.</param>
/// <param name="Certificate">Relative path of the certificate, if present.</param>
/// <param name="PrivateKey">Relative path of the private key, if present.</param>
/// <param name="PublicKey">Relative path of the public key, if present.</param>
/// <param name="Trusted">Relative path of the trusted certificate of the same folder and server, if present.</param>
public sealed record CertificateSet(
    string Directory,
    string? Server,
    string UseType,
    CertificateRole Role,
    string? Certificate,
    string? PrivateKey,
    string? PublicKey,
    string? Trusted);
