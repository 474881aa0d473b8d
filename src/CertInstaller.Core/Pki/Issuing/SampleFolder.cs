namespace CertInstaller.Core.Pki.Issuing;

/// <summary>A generated IC-like certificates folder: its root path, the issued certificates and the files written.</summary>
public sealed record SampleFolder(
    string Root,
    IssuedCertificate ServerGroup,
    IssuedCertificate IcCa,
    IReadOnlyDictionary<string, IssuedCertificate> Subsystems,
    IReadOnlyList<string> Files)
{
    /// <summary>Path of the self-signed Server Group certificate (the folder's trust anchor).</summary>
    public string ServerGroupCertificatePath => Path.Combine(Root, "ServerGroup", "ServerGroupCertificate.cer");
}
