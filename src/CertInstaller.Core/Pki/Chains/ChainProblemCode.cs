namespace CertInstaller.Core.Pki.Chains;

/// <summary>What is wrong with a chain. Numbers are stable and never reused.</summary>
public enum ChainProblemCode
{
    /// <summary>No certificate in the pool or the anchors has the issuer name of this certificate (missing intermediate).</summary>
    IssuerNotFound = 1,
    /// <summary>The path ends at a self-signed root that is not a trust anchor.</summary>
    UntrustedRoot = 2,
    /// <summary>The signature of this certificate does not verify with its issuer's public key.</summary>
    BadSignature = 3,
    /// <summary>This certificate expired before the verification time.</summary>
    Expired = 4,
    /// <summary>This certificate is not yet valid at the verification time.</summary>
    NotYetValid = 5,
    /// <summary>This certificate issued another one but its basic constraints do not say cA=TRUE.</summary>
    IssuerNotCa = 6,
    /// <summary>More CA certificates sit below this CA than its pathLenConstraint allows.</summary>
    PathLengthExceeded = 7,
    /// <summary>This certificate issued another one but its key usage lacks keyCertSign.</summary>
    IssuerMissingKeyCertSign = 8,
    /// <summary>Following issuers leads back to a certificate already on the path.</summary>
    Loop = 9,
    /// <summary>The leaf is self-signed and is not a trust anchor.</summary>
    SelfSignedLeaf = 10,
    /// <summary>The leaf does not cover the requested host name or address.</summary>
    HostMismatch = 11,
    /// <summary>The path is longer than the builder's limit.</summary>
    PathTooLong = 12,
}
