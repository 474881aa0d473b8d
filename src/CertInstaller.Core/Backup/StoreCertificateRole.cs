namespace CertInstaller.Core.Backup;

/// <summary>What a recorded store certificate is to the folder.</summary>
public enum StoreCertificateRole
{
    /// <summary>The folder's single third-party certificate (the Server Group's, or the local Server slot's serving Server and
    /// Client: <see cref="Validation.FolderSlots.SingleCertificate"/>), expected in My with its private key.</summary>
    Certificate,
    /// <summary>An intermediate CA of its chain, expected in CA (recorded in My or Root when the validated path took it from there).</summary>
    Intermediate,
    /// <summary>The self-issued root of its chain, expected in Root.</summary>
    Root,
}
