namespace CertInstaller.Core.Pki;

/// <summary>How a private key is encoded.</summary>
public enum KeyFormat
{
    /// <summary>Traditional unencrypted form: PKCS#1 for RSA ("RSA PRIVATE KEY"), SEC1 for EC ("EC PRIVATE KEY").</summary>
    Pkcs1 = 1,
    /// <summary>Unencrypted PKCS#8 ("PRIVATE KEY").</summary>
    Pkcs8 = 2,
    /// <summary>Encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY").</summary>
    EncryptedPkcs8 = 3,
    /// <summary>Traditional form encrypted the legacy OpenSSL way (Proc-Type/DEK-Info PEM headers).</summary>
    LegacyEncrypted = 4,
}
