using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Signatures;

namespace CertInstaller.Core.Pki;

/// <summary>What the steps of one run (an action sequence, a harness verb) share: parsed files by content and verified
/// signatures, so no file content is parsed and no (issuer, signature) pair is verified twice.</summary>
/// <remarks>Both are keyed by content (bytes, certificates by their encoding), never by path or time, so sharing them
/// across steps between which an install rewrites files cannot give a stale answer.</remarks>
public sealed class RunCache
{
    /// <summary>A run cache; <paramref name="verifier"/> defaults to the process's detected one.</summary>
    public RunCache(ISignatureVerifier? verifier = null) => Signatures = new SignatureCache(verifier);

    /// <summary>Parsed files, by SHA-256 of their bytes.</summary>
    public ParsedFileCache Files { get; } = new();

    /// <summary>Verified issuer→subject signatures.</summary>
    public SignatureCache Signatures { get; }
}
