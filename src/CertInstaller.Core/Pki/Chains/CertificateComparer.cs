using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>
/// Certificate equality as BouncyCastle's (the same DER encoding), hashed by the signature value: equal certificates
/// have equal signatures, and hashing them needs no encoding of the whole certificate (BouncyCastle's GetHashCode
/// encodes it first, for every leaf a path search puts in a set).
/// </summary>
internal sealed class CertificateComparer : IEqualityComparer<X509Certificate>
{
    /// <summary>The one instance.</summary>
    public static readonly CertificateComparer Instance = new();

    public bool Equals(X509Certificate? x, X509Certificate? y) => ReferenceEquals(x, y) || (x is not null && x.Equals(y));

    public int GetHashCode(X509Certificate obj) => obj.CertificateStructure.Signature.GetHashCode();
}
