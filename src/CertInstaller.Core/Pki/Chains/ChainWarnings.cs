namespace CertInstaller.Core.Pki.Chains;

/// <summary>Which chain problem codes are warnings (reported in <see cref="ChainResult.Warnings"/>, the path still
/// valid) under which profile. One table, read by the rules that report them and by the code registry.</summary>
public static class ChainWarnings
{
    /// <summary>True when <paramref name="code"/> does not fail a path under <paramref name="profile"/>.</summary>
    public static bool IsWarning(ChainProblemCode code, ChainProfile profile) => code switch
    {
        // BR §7.1.4.3 binds the issuing CA; verifiers (browsers, TLS libraries) do not enforce it.
        ChainProblemCode.WebPkiCommonNameNotInSan => true,
        // RFC 5280 allows a CA certificate as the end entity (x509-limbo rfc5280::ca-as-leaf); BR §7.1.2.7.8 does not.
        ChainProblemCode.CaUsedAsEndEntity => profile == ChainProfile.Rfc5280,
        _ => false,
    };
}
