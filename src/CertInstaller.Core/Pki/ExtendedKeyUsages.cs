namespace CertInstaller.Core.Pki;

/// <summary>Short names (as OpenSSL's config uses them) of common extended key usages, and their OIDs.</summary>
public static class ExtendedKeyUsages
{
    /// <summary>TLS server authentication.</summary>
    public const string ServerAuth = "serverAuth";
    /// <summary>TLS client authentication.</summary>
    public const string ClientAuth = "clientAuth";
    /// <summary>Code signing.</summary>
    public const string CodeSigning = "codeSigning";
    /// <summary>E-mail protection.</summary>
    public const string EmailProtection = "emailProtection";
    /// <summary>Time stamping.</summary>
    public const string TimeStamping = "timeStamping";
    /// <summary>OCSP signing.</summary>
    public const string OcspSigning = "OCSPSigning";

    private static readonly (string Name, string Oid)[] Known =
    [
        (ServerAuth, "1.3.6.1.5.5.7.3.1"), (ClientAuth, "1.3.6.1.5.5.7.3.2"), (CodeSigning, "1.3.6.1.5.5.7.3.3"),
        (EmailProtection, "1.3.6.1.5.5.7.3.4"), (TimeStamping, "1.3.6.1.5.5.7.3.8"), (OcspSigning, "1.3.6.1.5.5.7.3.9"),
        ("anyExtendedKeyUsage", "2.5.29.37.0"),
    ];

    /// <summary>The OID of a short name, or the input itself when it already is an OID.</summary>
    public static string ToOid(string nameOrOid)
    {
        foreach (var (name, oid) in Known)
        {
            if (string.Equals(name, nameOrOid, StringComparison.OrdinalIgnoreCase))
            {
                return oid;
            }
        }

        return nameOrOid;
    }

    /// <summary>The short name of an OID, or the dotted OID when it has none.</summary>
    public static string ToName(string oid)
    {
        foreach (var (name, known) in Known)
        {
            if (known == oid)
            {
                return name;
            }
        }

        return oid;
    }
}
