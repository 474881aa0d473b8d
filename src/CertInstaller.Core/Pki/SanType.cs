namespace CertInstaller.Core.Pki;

/// <summary>The kind of a subject alternative name entry.</summary>
public enum SanType
{
    /// <summary>A DNS name (dNSName).</summary>
    Dns = 1,
    /// <summary>An IPv4 or IPv6 address (iPAddress).</summary>
    Ip = 2,
    /// <summary>An e-mail address (rfc822Name).</summary>
    Email = 3,
    /// <summary>A URI (uniformResourceIdentifier).</summary>
    Uri = 4,
    /// <summary>Any other general name, shown as text.</summary>
    Other = 9,
}
