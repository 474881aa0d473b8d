namespace CertInstaller.Core.Layout;

/// <summary>Where a file sits in an IC certificates folder, recognised by pattern.</summary>
public enum CertificateRole
{
    /// <summary>Not recognised.</summary>
    Unknown,
    /// <summary>ServerGroup\: the Server Group certificate and keys (shared by a switchover pair).</summary>
    ServerGroup,
    /// <summary>ICCertificateAuthority\: the IC CA issued by the Server Group root.</summary>
    CertificateAuthority,
    /// <summary>Client\Local_Subsystem(s)\: this server's subsystem certificates.</summary>
    LocalSubsystem,
    /// <summary>Client\Remote_Subsystem(s)\&lt;peer&gt;\: certificates for a peer server.</summary>
    RemoteSubsystem,
    /// <summary>Client\Remote_Client(s)\&lt;server&gt;\: trusted certificates for remote clients.</summary>
    RemoteClient,
    /// <summary>HTTPS\: web certificates (IC regenerates them when missing).</summary>
    Https,
    /// <summary>CSRs\: the work area of third-party requests.</summary>
    CsrWorkArea,
    /// <summary>A line (SIP) certificate: per server, never shared by a switchover pair.</summary>
    Line,
    /// <summary>A file at the root of an off-server component's flat folder.</summary>
    Component,
    /// <summary>The &lt;server&gt;_ININ_Certificates.xml map.</summary>
    MapFile,
    /// <summary>A leftover copy such as *.cer.1 or *.backup.</summary>
    LeftoverBackup,
}
