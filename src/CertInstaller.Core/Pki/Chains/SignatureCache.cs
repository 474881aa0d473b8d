using System.Collections.Concurrent;
using CertInstaller.Core.Pki.Signatures;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>Remembers whether issuer→subject signatures verify, so each distinct pair is verified once per run (a leaf's
/// pairs once per parsed leaf object: they are dropped with it).</summary>
public sealed class SignatureCache
{
    // Lazy values: GetOrAdd may run its factory twice when threads race; the Lazy makes the verification itself run once.
    private readonly ConcurrentDictionary<(X509Certificate Issuer, X509Certificate Subject), Lazy<bool>> _results = new();

    // Subjects that issue (a CA, a self-issued certificate) come back in every build of a folder, so their pairs stay for
    // the run. A leaf's pairs are asked for by its own build only: they live as long as the leaf object does, so a
    // streamed scan that drops each leaf after its check is not kept holding every parsed leaf of the folder here.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<X509Certificate, LeafPairs> _leaves = new();
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
        MayIssue(subject)
            ? _results.GetOrAdd((issuer, subject), pair => Verification(pair.Issuer, pair.Subject)).Value
            : _leaves.GetValue(subject, _ => new LeafPairs()).Get(issuer, i => Verification(i, subject)).Value;

    /// <summary>True when <paramref name="certificate"/> names itself as issuer (RDNs in any order) and its signature
    /// verifies with its own key, through this cache (a folder's own root, a store path's top).</summary>
    public bool IsSelfSigned(X509Certificate certificate) =>
        certificate.SubjectDN.Equivalent(certificate.IssuerDN) && Verifies(certificate, certificate);

    private static bool MayIssue(X509Certificate subject)
    {
        try
        {
            return Rules.Certs.IsCa(subject) || Rules.Certs.IsSelfIssued(subject);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return true; // extensions that do not decode: the run-long cache, as before
        }
    }

    // A leaf's pairs: nearly always one issuer, asked for by one build on one thread, so a plain dictionary under a lock
    // (allocated with its first pair) instead of a concurrent dictionary's tables for every leaf of the folder.
    private sealed class LeafPairs
    {
        private readonly Dictionary<X509Certificate, Lazy<bool>> _pairs = new();

        public Lazy<bool> Get(X509Certificate issuer, Func<X509Certificate, Lazy<bool>> create)
        {
            lock (_pairs)
            {
                if (!_pairs.TryGetValue(issuer, out var pair))
                {
                    _pairs[issuer] = pair = create(issuer);
                }

                return pair;
            }
        }
    }

    private Lazy<bool> Verification(X509Certificate issuer, X509Certificate subject) => new(() =>
    {
        Interlocked.Increment(ref _verifications);
        try
        {
            return Verifier.Verifies(issuer, subject);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    });
}
