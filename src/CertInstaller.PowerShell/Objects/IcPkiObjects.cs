namespace CertInstaller.PowerShell.Objects;

/// <summary>A certificate read by Get-IcCertificate (one per certificate of the file; Index is its position).</summary>
public sealed record IcCertificate(
    string Path,
    int Index,
    string Subject,
    string Issuer,
    string SerialNumber,
    DateTime NotBefore,
    DateTime NotAfter,
    string Thumbprint,
    string Sha256,
    string SignatureAlgorithm,
    string Digest,
    string KeyAlgorithm,
    int KeySize,
    string[] DnsNames,
    bool IsCa,
    bool SelfIssued,
    string Container)
{
    /// <summary>Always "Certificate" (Where-Object Kind -eq ... across mixed files).</summary>
    public string Kind => "Certificate";
}

/// <summary>A private or public key read by Get-IcCertificate.</summary>
public sealed record IcKey(string Path, int Index, string Kind, string Algorithm, int KeySize, string? Curve, string Format, bool Pem);

/// <summary>A certificate signing request read by Get-IcCertificate.</summary>
public sealed record IcCertificateRequest(string Path, int Index, string Subject, string[] DnsNames, string KeyAlgorithm, int KeySize,
    string SignatureAlgorithm, bool SignatureValid)
{
    /// <summary>Always "Csr".</summary>
    public string Kind => "Csr";
}

/// <summary>A PKCS#12 (PFX) file read by Get-IcCertificate: its certificates as objects and how many keys it holds.</summary>
public sealed record IcPkcs12(string Path, IcCertificate[] Certificates, int KeyCount)
{
    /// <summary>Always "Pkcs12".</summary>
    public string Kind => "Pkcs12";

    /// <summary>The earliest NotAfter of its certificates (Where-Object NotAfter works on containers too).</summary>
    public DateTime? NotAfter => Certificates.Length == 0 ? null : Certificates.Min(c => c.NotAfter);
}
