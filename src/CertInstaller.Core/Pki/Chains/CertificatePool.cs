using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>A set of certificates (duplicates dropped) indexed by subject name for issuer lookup.</summary>
public sealed class CertificatePool
{
    private readonly HashSet<X509Certificate> _all = new(CertificateComparer.Instance);
    private readonly List<X509Certificate> _ordered = [];
    private readonly Dictionary<string, List<X509Certificate>> _bySubject = new(StringComparer.Ordinal);

    /// <summary>An empty pool.</summary>
    public CertificatePool()
    {
    }

    /// <summary>A pool holding <paramref name="certificates"/>.</summary>
    public CertificatePool(IEnumerable<X509Certificate> certificates)
    {
        foreach (var certificate in certificates)
        {
            Add(certificate);
        }
    }

    /// <summary>The certificates in insertion order, without duplicates.</summary>
    public IReadOnlyList<X509Certificate> Certificates => _ordered;

    /// <summary>Adds a certificate; false when it was already present.</summary>
    public bool Add(X509Certificate certificate)
    {
        if (!_all.Add(certificate))
        {
            return false;
        }

        _ordered.Add(certificate);
        var key = NameKey(certificate.SubjectDN);
        if (!_bySubject.TryGetValue(key, out var list))
        {
            _bySubject[key] = list = [];
        }

        list.Add(certificate);
        return true;
    }

    /// <summary>True when the pool holds <paramref name="certificate"/>.</summary>
    public bool Contains(X509Certificate certificate) => _all.Contains(certificate);

    /// <summary>Certificates whose subject is <paramref name="name"/>.</summary>
    public IReadOnlyList<X509Certificate> WithSubject(Org.BouncyCastle.Asn1.X509.X509Name name) =>
        _bySubject.TryGetValue(NameKey(name), out var list) ? list : [];

    // The DER encoding of a name as a string key, once per name object: BouncyCastle re-encodes a name on every
    // GetEncoded, and chain building asks for the same names (the issuer's, self-issued checks) for every leaf
    // (bench/profile.sh: 9% of a 2,000-certificate scan before this cache). Names of parsed certificates never change.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Org.BouncyCastle.Asn1.X509.X509Name, string> NameKeys = new();

    internal static string NameKey(Org.BouncyCastle.Asn1.X509.X509Name name) =>
        NameKeys.GetValue(name, n => Convert.ToBase64String(n.GetEncoded()));
}
