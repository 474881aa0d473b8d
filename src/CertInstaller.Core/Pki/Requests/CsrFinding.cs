using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Pki.Requests;

/// <summary>One problem of a CSR (or of a certificate the CA sent back, or of an OpenSSL.cnf) and how much it counts.</summary>
public sealed record CsrFinding(CsrFindingCode Code, string Message)
{
    /// <summary>Error unless the policy or the rule made it a warning (the product's one severity scale).</summary>
    public Severity Severity { get; init; } = Severity.Error;
}
