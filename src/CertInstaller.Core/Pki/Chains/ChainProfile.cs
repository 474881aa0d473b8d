namespace CertInstaller.Core.Pki.Chains;

/// <summary>Which rule set judges a path: RFC 5280 alone, or RFC 5280 plus the CA/Browser Forum Baseline Requirements.</summary>
public enum ChainProfile
{
    /// <summary>RFC 5280 §6.1: right for IC's own and internal PKIs.</summary>
    Rfc5280 = 0,
    /// <summary>RFC 5280 plus the Baseline Requirements for certificates browsers see (the HTTPS slot).</summary>
    WebPki = 1,
}
