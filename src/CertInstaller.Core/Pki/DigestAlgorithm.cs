namespace CertInstaller.Core.Pki;

/// <summary>A message digest used in a signature, ordered from weakest to strongest.</summary>
public enum DigestAlgorithm
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,
    /// <summary>MD2 (broken).</summary>
    Md2 = 2,
    /// <summary>MD4 (broken).</summary>
    Md4 = 4,
    /// <summary>MD5 (broken).</summary>
    Md5 = 5,
    /// <summary>SHA-1 (deprecated for signatures).</summary>
    Sha1 = 10,
    /// <summary>SHA-224.</summary>
    Sha224 = 22,
    /// <summary>SHA-256.</summary>
    Sha256 = 25,
    /// <summary>SHA-384.</summary>
    Sha384 = 38,
    /// <summary>SHA-512 (also the digest inside Ed25519).</summary>
    Sha512 = 51,
    /// <summary>SHAKE256 (the digest inside Ed448).</summary>
    Shake256 = 52,
}
