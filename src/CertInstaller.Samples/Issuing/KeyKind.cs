namespace CertInstaller.Samples.Issuing;

/// <summary>The family of a generated key pair.</summary>
public enum KeyKind
{
    /// <summary>RSA, any modulus size.</summary>
    Rsa = 1,
    /// <summary>ECDSA on a NIST prime curve (P-256, P-384, P-521).</summary>
    Ec = 2,
    /// <summary>Ed25519.</summary>
    Ed25519 = 3,
}
