using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation;

/// <summary>The folder's single third-party certificate: the one LocalMachine\My must hold with its key, which
/// <c>certharness store</c> checks and a backup records the stores' part of (<see cref="FolderSlots.SingleCertificate"/>).</summary>
/// <param name="Path">Its file, relative to the folder ('/' separated).</param>
/// <param name="Certificate">The certificate (the leaf of the file's bundle).</param>
public sealed record SingleCertificate(string Path, X509Certificate Certificate);
