namespace CertInstaller.Core.Layout;

/// <summary>Which part of a certificate/key/trusted triple a file is, from its name.</summary>
public enum FilePart
{
    /// <summary>Not part of a triple.</summary>
    Other,
    /// <summary>A certificate (*Certificate.cer).</summary>
    Certificate,
    /// <summary>A private key (*PrivateKey.bin).</summary>
    PrivateKey,
    /// <summary>A public key (*PublicKey.bin).</summary>
    PublicKey,
    /// <summary>A trusted (anchor) certificate (*TrustedCertificate.cer).</summary>
    Trusted,
    /// <summary>A certificate signing request.</summary>
    Request,
    /// <summary>A PKCS#12 file.</summary>
    Pkcs12,
}
