using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Signatures;

/// <summary>
/// Verifies certificate signatures. Every implementation gives the same verdicts (the differential tests hold them to
/// BouncyCastle's); they differ only in speed. <see cref="SignatureVerifiers.Create"/> makes the one this process detected.
/// </summary>
public interface ISignatureVerifier
{
    /// <summary>A short name for debug lines and tests: <c>bcl</c> or <c>bouncycastle</c>.</summary>
    string Name { get; }

    /// <summary>
    /// True when <paramref name="subject"/>'s signature verifies with <paramref name="issuer"/>'s public key; false for a
    /// bad, malformed or unverifiable signature or key. Never throws for bad input.
    /// </summary>
    bool Verifies(X509Certificate issuer, X509Certificate subject);
}
