namespace CertInstaller.Core.Pki.Reading;

/// <summary>What a PKI object read from a file is.</summary>
public enum PkiObjectKind
{
    /// <summary>An X.509 certificate.</summary>
    Certificate = 1,
    /// <summary>A PKCS#10 certificate signing request.</summary>
    Csr = 2,
    /// <summary>A private key (any encoding).</summary>
    PrivateKey = 3,
    /// <summary>A PKCS#12 (PFX) container.</summary>
    Pkcs12 = 4,
    /// <summary>A PKCS#7 / CMS certificate bundle.</summary>
    Pkcs7 = 5,
    /// <summary>A bare public key (SubjectPublicKeyInfo).</summary>
    PublicKey = 6,
}
