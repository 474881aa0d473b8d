using System.Collections.Concurrent;
using CertInstaller.Core.Pki.Signatures;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>Remembers whether issuer→subject signatures verify, so each distinct pair is verified once per run.</summary>
public sealed class SignatureCache
{
    // Lazy values: GetOrAdd may run its factory twice when threads race; the Lazy makes the verification itself run once.
    private readonly ConcurrentDictionary<(X509Certificate Issuer, X509Certificate Subject), Lazy<bool>> _results = new();
    private readonly Lazy<ISignatureVerifier> _verifier;
    private int _verifications;

    /// <summary>A cache that verifies with <paramref name="verifier"/>; by default one of its own made from the process's
    /// detected capabilities (<see cref="SignatureVerifiers.Create"/>: the BCL where the platform passed the probe, else BouncyCastle).</summary>
    public SignatureCache(ISignatureVerifier? verifier = null) =>
        _verifier = verifier is null ? new Lazy<ISignatureVerifier>(SignatureVerifiers.Create) : new Lazy<ISignatureVerifier>(() => verifier);

    /// <summary>The verifier this cache uses (the detection runs on first use).</summary>
    public ISignatureVerifier Verifier => _verifier.Value;

    /// <summary>How many signatures were actually verified (cache misses).</summary>
    public int Verifications => _verifications;

    /// <summary>True when <paramref name="subject"/>'s signature verifies with <paramref name="issuer"/>'s public key.</summary>
    public bool Verifies(X509Certificate issuer, X509Certificate subject) =>
        _results.GetOrAdd((issuer, subject), pair => new Lazy<bool>(() =>
        {
            Interlocked.Increment(ref _verifications);
            try
            {
                return Verifier.Verifies(pair.Issuer, pair.Subject);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return false;
            }
        })).Value;
}
