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
            // GetPublicKey validates the key once per issuer certificate object (BouncyCastle caches it on the object).
            return subject.IsSignatureValid(issuer.GetPublicKey());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
