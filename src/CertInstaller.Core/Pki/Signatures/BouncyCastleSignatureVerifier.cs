using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Signatures;

/// <summary>BouncyCastle's managed verification: every algorithm BouncyCastle knows, on every platform (the reference verdicts).</summary>
public sealed class BouncyCastleSignatureVerifier : ISignatureVerifier
{
    private BouncyCastleSignatureVerifier()
    {
    }

    /// <summary>The one instance (it holds no state).</summary>
    public static BouncyCastleSignatureVerifier Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "bouncycastle";

    /// <inheritdoc/>
    public bool Verifies(X509Certificate issuer, X509Certificate subject)
    {
        try
        {
            // The key is built as LocalKeys says (no Miller-Rabin proof of the modulus), as the BCL verifier builds it: the
            // verdicts do not depend on which verifier runs.
            return LocalKeys.Parse(() => subject.IsSignatureValid(issuer.GetPublicKey()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
