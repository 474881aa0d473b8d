namespace CertInstaller.Core.Store;

/// <summary>The LocalMachine certificate stores the single-certificate mode relies on.</summary>
public enum MachineStore
{
    /// <summary>Personal (LocalMachine\My): the certificate with its private key, where IC's wizard imports from.</summary>
    My,
    /// <summary>Intermediate Certification Authorities (LocalMachine\CA).</summary>
    CA,
    /// <summary>Trusted Root Certification Authorities (LocalMachine\Root).</summary>
    Root,
}
