using Org.BouncyCastle.Utilities;

namespace CertInstaller.Core.Pki;

/// <summary>Runs BouncyCastle key parsing without its Miller-Rabin test of every RSA modulus.</summary>
/// <remarks>
/// BouncyCastle proves each RSA modulus composite when it builds key parameters (about 15 ms per 2048-bit key), a
/// defence against crafted keys sent by a protocol peer. CertInstaller only reads keys an administrator put in their own
/// folder, to describe them and to compare moduli; a signature is never verified with a key that was not itself
/// verified by its issuer. Without this, validating a 200-file folder takes seconds.
/// </remarks>
public static class LocalKeys
{
    private const string MaxMillerRabinTests = "Org.BouncyCastle.Rsa.MaxMRTests";

    /// <summary>Runs <paramref name="parse"/> with the modulus test off on this thread.</summary>
    public static T Parse<T>(Func<T> parse) => Properties.WithThreadProperty(MaxMillerRabinTests, "0", parse);
}
