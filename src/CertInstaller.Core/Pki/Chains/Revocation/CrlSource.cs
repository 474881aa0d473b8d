using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Revocation;

/// <summary>A CRL and the file it was read from (null when it did not come from a file).</summary>
public sealed record CrlSource(X509Crl Crl, string? File);
