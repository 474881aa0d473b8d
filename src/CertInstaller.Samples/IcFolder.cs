using CertInstaller.Samples.Issuing;

namespace CertInstaller.Samples;

/// <summary>A sample folder as built: where it is and the certificates that make it up.</summary>
/// <param name="Root">The folder.</param>
/// <param name="Spec">How it was built.</param>
/// <param name="ServerGroup">The Server Group certificate and key.</param>
/// <param name="ExternalCa">The outside CA (root, issuing CA), when the trust mode uses one.</param>
/// <param name="Files">Every file written, relative, '/'-separated.</param>
/// <param name="ThirdPartyFiles">The files an outside CA's trust makes third-party, relative, '/'-separated.</param>
/// <param name="Issued">Every certificate with its keys, by use type ("ServerGroup", "ICCertificateAuthority", "Server", "Client", "Line", "HTTPS", "Legacy").</param>
public sealed record IcFolder(
    string Root,
    IcFolderSpec Spec,
    IssuedCertificate ServerGroup,
    (IssuedCertificate Root, IssuedCertificate Issuing)? ExternalCa,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> ThirdPartyFiles,
    IReadOnlyDictionary<string, IssuedCertificate> Issued);
