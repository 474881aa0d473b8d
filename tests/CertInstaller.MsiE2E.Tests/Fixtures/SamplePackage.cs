namespace CertInstaller.MsiE2E.Tests.Fixtures;

/// <summary>One version of the sample product: its MSI and the certificates its test step "regenerates".</summary>
public sealed record SamplePackage(string Version, string MsiPath, string RegeneratedCertificatesDir)
{
    /// <summary>The folder-relative files of the Main feature's regeneration step.</summary>
    public static readonly string[] MainFiles =
    [
        "ServerGroup/ServerGroupCertificate.cer",
        "ServerGroup/ServerGroupPrivateKey.bin",
        "ServerGroup/ServerGroupPublicKey.bin",
        "ICCertificateAuthority/ICSERVER1_ICCertificateAuthorityCertificate.cer",
        "ICCertificateAuthority/ICSERVER1_ICCertificateAuthorityPrivateKey.bin",
        "ICCertificateAuthority/ICSERVER1_ICCertificateAuthorityPublicKey.bin",
    ];

    /// <summary>The folder-relative files of the optional feature's regeneration step.</summary>
    public static readonly string[] OptionFiles =
    [
        "Client/Local_Subsystems/ICSERVER1_ServerCertificate.cer",
        "Client/Local_Subsystems/ICSERVER1_ServerPrivateKey.bin",
    ];

    /// <summary>The bytes the product writes for <paramref name="relativePaths"/>.</summary>
    public FolderPicture Files(IEnumerable<string> relativePaths) =>
        new(relativePaths.ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(this.RegeneratedCertificatesDir, p))));
}
