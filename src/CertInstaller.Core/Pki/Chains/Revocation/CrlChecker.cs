using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Revocation;

/// <summary>RFC 5280 §6.3 against CRL files.</summary>
internal static class CrlChecker
{
    public static IReadOnlyList<CrlSource> Check(IReadOnlyList<X509Certificate> path, X509Certificate? anchor, IReadOnlyList<CrlSource> crls,
        DateTimeOffset at, SignatureCache signatures, Findings findings) => [];
}
