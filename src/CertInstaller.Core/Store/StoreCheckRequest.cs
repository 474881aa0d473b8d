using CertInstaller.Core.Pki;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Store;

/// <summary>What the store check compares: the folder's single third-party certificate and the judging settings.</summary>
/// <param name="FolderCertificate">The certificate of the folder's ServerGroup (or single-certificate) slot.</param>
/// <param name="FolderPath">Its file, relative to the folder (named in messages).</param>
/// <param name="At">The time validity is judged at.</param>
/// <param name="ExpiryWarningDays">How many days before its end a certificate is reported as expiring.</param>
/// <param name="MinDigest">The weakest signature digest a chain link may use (the policy's, as for the folder's chains).</param>
public sealed record StoreCheckRequest(X509Certificate FolderCertificate, string FolderPath, DateTimeOffset At, int ExpiryWarningDays, DigestAlgorithm MinDigest);
