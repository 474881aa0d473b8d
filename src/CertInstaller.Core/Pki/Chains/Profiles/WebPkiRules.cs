using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.Profiles;

/// <summary>The CA/Browser Forum Baseline Requirements rules for certificates browsers see.</summary>
internal static class WebPkiRules
{
    public static void Check(IReadOnlyList<X509Certificate> path, X509Certificate? anchor, Findings findings)
    {
    }
}
