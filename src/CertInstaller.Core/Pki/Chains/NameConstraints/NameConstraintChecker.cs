using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.NameConstraints;

/// <summary>RFC 5280 §4.2.1.10 and §6.1.3(b), (c), §6.1.4(g).</summary>
internal static class NameConstraintChecker
{
    public static void Check(IReadOnlyList<X509Certificate> path, Findings findings)
    {
    }
}
