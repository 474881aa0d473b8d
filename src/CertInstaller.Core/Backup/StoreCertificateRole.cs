namespace CertInstaller.Core.Backup;

/// <summary>What a recorded store certificate is to the folder.</summary>
public enum StoreCertificateRole
{
    /// <summary>The folder's Server Group (single-certificate) certificate, expected in My with its private key.</summary>
    Certificate,
    /// <summary>An intermediate CA of its chain, expected in CA.</summary>
    Intermediate,
    /// <summary>The self-issued root of its chain, expected in Root.</summary>
    Root,
}
