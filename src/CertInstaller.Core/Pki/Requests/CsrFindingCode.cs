namespace CertInstaller.Core.Pki.Requests;

/// <summary>What is wrong with a CSR before it goes to the CA. Numbers are stable and never reused.</summary>
public enum CsrFindingCode
{
    /// <summary>The CSR's self-signature does not verify: it was altered or signed with another key.</summary>
    SignatureInvalid = 1,
    /// <summary>A required subject attribute (e.g. O, C) is missing.</summary>
    SubjectAttributeMissing = 2,
    /// <summary>A subject attribute has other values, or the same values in another order (e.g. OUs), than required.</summary>
    SubjectAttributeMismatch = 3,
    /// <summary>A required subject alternative name (DNS or IP) is missing.</summary>
    SanMissing = 4,
    /// <summary>The key is smaller than the policy minimum (RSA bits or EC curve size).</summary>
    KeyTooSmall = 5,
    /// <summary>The signature digest is weaker than the policy minimum.</summary>
    DigestTooWeak = 6,
    /// <summary>The key algorithm is neither RSA nor EC.</summary>
    KeyAlgorithmNotAllowed = 7,
}
