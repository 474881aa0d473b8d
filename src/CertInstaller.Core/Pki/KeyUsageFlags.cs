namespace CertInstaller.Core.Pki;

/// <summary>X.509 key usage bits (values match BouncyCastle's <c>KeyUsage</c> constants).</summary>
[Flags]
public enum KeyUsageFlags
{
    /// <summary>No key usage extension.</summary>
    None = 0,
    /// <summary>decipherOnly.</summary>
    DecipherOnly = 1 << 15,
    /// <summary>encipherOnly.</summary>
    EncipherOnly = 1,
    /// <summary>cRLSign.</summary>
    CrlSign = 1 << 1,
    /// <summary>keyCertSign.</summary>
    KeyCertSign = 1 << 2,
    /// <summary>keyAgreement.</summary>
    KeyAgreement = 1 << 3,
    /// <summary>dataEncipherment.</summary>
    DataEncipherment = 1 << 4,
    /// <summary>keyEncipherment.</summary>
    KeyEncipherment = 1 << 5,
    /// <summary>nonRepudiation (contentCommitment).</summary>
    NonRepudiation = 1 << 6,
    /// <summary>digitalSignature.</summary>
    DigitalSignature = 1 << 7,
}
