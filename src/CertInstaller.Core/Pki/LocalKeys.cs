using Org.BouncyCastle.Utilities;

namespace CertInstaller.Core.Pki;

/// <summary>Runs BouncyCastle key parsing without its Miller-Rabin test of every RSA modulus.</summary>
/// <remarks>
/// BouncyCastle proves each RSA modulus composite when it builds key parameters (one full modular exponentiation in
/// managed code, about 15 ms per 2048-bit key), a defence against crafted keys sent by a protocol peer. CertInstaller
/// reads keys an administrator put in their own folder: to describe them, to compare moduli, and to verify signatures
/// along a path, where every key but the anchor's was itself verified by its issuer and the anchor is trusted by the
/// admin's choice. Neither RFC 5280 nor openssl asks for the proof, and it was half of a folder validation's work, so
/// every path (chains with either verifier, CRLs, slots, key matching) builds keys this way and verdicts stay the same
/// whichever verifier runs. BouncyCastle's cheap checks stay: an even modulus or one with a small prime factor is refused.
/// </remarks>
public static class LocalKeys
{
    private const string MaxMillerRabinTests = "Org.BouncyCastle.Rsa.MaxMRTests";

    /// <summary>Runs <paramref name="parse"/> with the modulus test off on this thread.</summary>
    public static T Parse<T>(Func<T> parse) => Properties.WithThreadProperty(MaxMillerRabinTests, "0", parse);
}
