namespace CertInstaller.Samples.Issuing;

/// <summary>What key pair to generate: RSA with a modulus size, EC with a curve size (256, 384, 521), or Ed25519.</summary>
public sealed record KeySpec(KeyKind Kind, int Size)
{
    /// <summary>RSA 2048.</summary>
    public static KeySpec Rsa2048 { get; } = new(KeyKind.Rsa, 2048);

    /// <summary>EC P-256.</summary>
    public static KeySpec EcP256 { get; } = new(KeyKind.Ec, 256);

    /// <summary>EC P-384.</summary>
    public static KeySpec EcP384 { get; } = new(KeyKind.Ec, 384);

    /// <summary>Ed25519.</summary>
    public static KeySpec Ed25519 { get; } = new(KeyKind.Ed25519, 256);

    /// <summary>RSA with the given modulus size in bits.</summary>
    public static KeySpec Rsa(int bits) => new(KeyKind.Rsa, bits);

    /// <inheritdoc/>
    public override string ToString() => Kind == KeyKind.Rsa ? $"RSA {Size}" : Kind == KeyKind.Ec ? $"EC P-{Size}" : "Ed25519";
}
