namespace CertInstaller.Core.Pki;

/// <summary>One subject alternative name entry; IP values are in canonical text form ("2001:db8::1").</summary>
public sealed record SubjectAltName(SanType Type, string Value)
{
    /// <summary>A DNS name entry.</summary>
    public static SubjectAltName Dns(string name) => new(SanType.Dns, name);

    /// <summary>An IP address entry (IPv4 or IPv6); the value is normalised.</summary>
    public static SubjectAltName Ip(string address) => new(SanType.Ip, System.Net.IPAddress.Parse(address).ToString());

    /// <summary>An e-mail entry.</summary>
    public static SubjectAltName Email(string address) => new(SanType.Email, address);

    /// <summary>A URI entry.</summary>
    public static SubjectAltName Uri(string uri) => new(SanType.Uri, uri);

    /// <summary>The lower-case JSON/type name: dns, ip, email, uri, other.</summary>
    public string TypeName => Type.ToString().ToLowerInvariant();
}
