using CertInstaller.Samples.Issuing;

namespace CertInstaller.Samples;

/// <summary>How a sample IC certificates folder is built: trust mode, digest, keys, validity.</summary>
public sealed record IcFolderSpec
{
    /// <summary>The IC server name used as the file-name prefix.</summary>
    public string Server { get; init; } = "ic1";

    /// <summary>DNS domain of the server.</summary>
    public string Domain { get; init; } = "example.com";

    /// <summary>Self-signed IC, or which certificates an outside CA issued.</summary>
    public TrustMode Trust { get; init; } = TrustMode.SelfSigned;

    /// <summary>Signature digest of every certificate (SHA-1 for a legacy folder).</summary>
    public DigestAlgorithm Digest { get; init; } = DigestAlgorithm.Sha256;

    /// <summary>Seed for every key: the same seed gives the same keys; a new seed is what a regeneration looks like.</summary>
    public string KeySeed { get; init; } = "ic";

    /// <summary>Start of validity of every certificate.</summary>
    public DateTimeOffset NotBefore { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>End of validity of the IC-issued certificates.</summary>
    public DateTimeOffset NotAfter { get; init; } = new(2036, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>End of validity of the third-party leaf certificates (set it in the past for an expired fixture).</summary>
    public DateTimeOffset ThirdPartyNotAfter { get; init; } = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A Server Group certificate and key to reuse (the other server of a switchover pair).</summary>
    public IssuedCertificate? SharedServerGroup { get; init; }

    /// <summary>The outside CA (root, issuing CA) to reuse across folders; null makes one from <see cref="KeySeed"/>.</summary>
    public (IssuedCertificate Root, IssuedCertificate Issuing)? ExternalCa { get; init; }

    /// <summary>Write the &lt;server&gt;_ININ_Certificates.xml map with absolute paths under <see cref="MapRoot"/>.</summary>
    public bool WriteMap { get; init; } = true;

    /// <summary>The folder the map's absolute paths start with (the machine that wrote it).</summary>
    public string MapRoot { get; init; } = @"D:\I3\IC\Certificates";

    /// <summary>Peer servers with a Client\Remote_Subsystems\&lt;peer&gt; folder each (a larger, realistic folder).</summary>
    public int RemotePeers { get; init; }

    /// <summary>Add Client\Local_Subsystems\&lt;server&gt;_LegacyCertificate.cer signed with SHA-1 (a folder not yet converted).</summary>
    public bool LegacySha1Certificate { get; init; }

    /// <summary>Key size of every RSA key.</summary>
    public int RsaBits { get; init; } = 2048;
}

/// <summary>Where a folder's certificates come from.</summary>
public enum TrustMode
{
    /// <summary>IC's own: self-signed Server Group root, IC CA, subsystem certificates.</summary>
    SelfSigned,
    /// <summary>Single-certificate mode: an outside CA issued the Server Group certificate; IC issues the rest under it.</summary>
    ThirdPartyServerGroup,
    /// <summary>An outside CA issued the Server and Client use-type certificates; the rest is IC's own.</summary>
    ThirdPartyPerUseType,
}
