namespace CertInstaller.Core.Pki.Chains;

/// <summary>What the end-entity certificate is used for: checked against its EKU and its CAs' EKUs.</summary>
public enum ChainPurpose
{
    /// <summary>No purpose check.</summary>
    Any = 0,
    /// <summary>TLS server (id-kp-serverAuth).</summary>
    Server = 1,
    /// <summary>TLS client (id-kp-clientAuth).</summary>
    Client = 2,
    /// <summary>Both server and client: IC's single third-party certificate mode.</summary>
    ServerAndClient = 3,
}
