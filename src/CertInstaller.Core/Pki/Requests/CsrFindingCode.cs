namespace CertInstaller.Core.Pki.Requests;

/// <summary>What is wrong with a CSR before it goes to the CA. Each value is its printed number (CI8101…); never renumbered or reused.</summary>
public enum CsrFindingCode
{
    /// <summary>The CSR's self-signature does not verify: it was altered or signed with another key.</summary>
    SignatureInvalid = 8101,
    /// <summary>A required subject attribute (e.g. O, C) is missing.</summary>
    SubjectAttributeMissing = 8102,
    /// <summary>A subject attribute has other values, or the same values in another order (e.g. OUs), than required.</summary>
    SubjectAttributeMismatch = 8103,
    /// <summary>A required subject alternative name (DNS or IP) is missing.</summary>
    SanMissing = 8104,
    /// <summary>The key is smaller than the policy minimum (RSA bits or EC curve size).</summary>
    KeyTooSmall = 8105,
    /// <summary>The signature digest is weaker than the policy minimum: the CSR's, or (import-check) the CA's on the certificate.</summary>
    DigestTooWeak = 8106,
    /// <summary>The key algorithm is neither RSA nor EC.</summary>
    KeyAlgorithmNotAllowed = 8107,

    /// <summary>The CSR requests no subject alternative name at all: IC and browsers match host names against SANs only
    /// (a warning by default; the policy's <c>noSan</c> decides).</summary>
    NoSan = 8108,
    /// <summary>The private key given with the CSR is not the key the CSR was made with.</summary>
    KeyMismatch = 8109,
    /// <summary>OpenSSL.cnf: <c>req_extensions</c> is missing or commented out, so <c>openssl req</c> requests no SAN.</summary>
    ConfigSanNotRequested = 8110,
    /// <summary>OpenSSL.cnf: an OU field has no <c>_default</c>, a <c>_default</c> has no field, or an OU the policy requires is absent.</summary>
    ConfigOuDefaultMissing = 8111,
    /// <summary>OpenSSL.cnf: the OU fields are not in the order of their numbers or of the policy (openssl uses file order).</summary>
    ConfigOuOutOfOrder = 8112,
    /// <summary>OpenSSL.cnf: the SAN list has no IP address.</summary>
    ConfigNoIp = 8113,
    /// <summary>OpenSSL.cnf: <c>default_md</c> is weaker than the policy minimum.</summary>
    ConfigWeakDigest = 8114,
    /// <summary>OpenSSL.cnf: <c>default_bits</c> is smaller than the policy minimum.</summary>
    ConfigWeakKeySize = 8115,
    /// <summary>OpenSSL.cnf: a section it refers to (<c>[req]</c>, the distinguished name, the extensions, <c>@alt_names</c>) is missing.</summary>
    ConfigSectionMissing = 8116,
    /// <summary>OpenSSL.cnf: the SAN list has no DNS name.</summary>
    ConfigNoDns = 8117,
    /// <summary>OpenSSL.cnf: a line is neither a section header, a <c>name = value</c> setting nor a comment.</summary>
    ConfigSyntax = 8118,
    /// <summary>OpenSSL.cnf: a distinguished-name field of a type IC's CAs do not take (valid: C, ST, L, O, OU, CN, emailAddress).</summary>
    ConfigUnknownAttribute = 8119,
    /// <summary>OpenSSL.cnf: a <c>[req_distinguished_name]</c> field has a prompt and no <c>_default</c>: openssl req asks
    /// for it (and <c>-batch</c> leaves it out), so a CSR made from the file alone would lack it (the CN, typically).</summary>
    ConfigFieldNoDefault = 8120,

    /// <summary>import-check: the certificate's public key is not the CSR's (the CA answered another request).</summary>
    CertificateKeyNotCsrKey = 8130,
    /// <summary>import-check: a subject attribute of the CSR was dropped, changed, reordered (e.g. OUs), or one was added.</summary>
    SubjectChanged = 8131,
    /// <summary>import-check: a SAN the CSR requested is not in the certificate.</summary>
    SanDropped = 8132,
    /// <summary>import-check: the private key given does not match the certificate.</summary>
    CertificateKeyMismatch = 8133,
    /// <summary>import-check: the certificate's chain to the trust given does not verify (the message lists the chain problem codes).</summary>
    ChainInvalid = 8134,
    /// <summary>import-check: an extended key usage IC needs is missing (serverAuth and clientAuth for the single-certificate mode).</summary>
    EkuMissing = 8135,
    /// <summary>import-check: no trust was given, so the chain was not checked.</summary>
    ChainNotChecked = 8136,
    /// <summary>import-check: the key usage does not allow TLS (digitalSignature, and keyEncipherment for RSA).</summary>
    KeyUsageNotTls = 8137,
}
