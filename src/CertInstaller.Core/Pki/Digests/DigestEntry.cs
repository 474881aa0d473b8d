using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Digests;

/// <summary>One signed object (certificate or CSR) of a scanned folder, its signature and whether the policy accepts it.</summary>
public sealed record DigestEntry(SourceFile File, string Kind, string Subject, SignatureDescription Signature, bool Ok)
{
    /// <summary>The certificate, when <see cref="Kind"/> is "certificate".</summary>
    public X509Certificate? Certificate { get; init; }
}
