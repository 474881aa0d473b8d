using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Pki.Digests;

/// <summary>One signed object (certificate or CSR) of a scanned folder, its signature and whether the policy accepts it.</summary>
public sealed record DigestEntry(SourceFile File, string Kind, string Subject, SignatureDescription Signature, bool Ok);
