namespace CertInstaller.Core.Layout;

/// <summary>What kind of certificates folder was scanned.</summary>
public enum FolderKind
{
    /// <summary>The folder does not exist.</summary>
    Missing,
    /// <summary>The folder exists and holds no files.</summary>
    Empty,
    /// <summary>An IC server folder (ServerGroup, ICCertificateAuthority, Client, ...).</summary>
    IcServer,
    /// <summary>The flat folder of an off-server component (Media Server, RCS, OSSM).</summary>
    OffServerComponent,
    /// <summary>Files, but no recognisable IC layout.</summary>
    Unrecognised,
    /// <summary>The folder exists but cannot be listed (access denied, I/O error).</summary>
    Unreadable,
}
