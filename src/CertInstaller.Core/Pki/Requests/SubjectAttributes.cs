namespace CertInstaller.Core.Pki.Requests;

/// <summary>One subject attribute type IC's CAs take: OpenSSL's short name, its other spellings and the OID.</summary>
public sealed record SubjectAttributeType(string ShortName, string LongName, string Oid, IReadOnlyList<string> Aliases);

/// <summary>The subject attribute types accepted in policies, <c>csr create --subject</c> and OpenSSL.cnf files.</summary>
public static class SubjectAttributes
{
    /// <summary>C, ST (or S), L, O, OU, CN, emailAddress, in the order a DN usually lists them.</summary>
    public static IReadOnlyList<SubjectAttributeType> All { get; } =
    [
        new("C", "countryName", "2.5.4.6", []),
        new("ST", "stateOrProvinceName", "2.5.4.8", ["S"]),
        new("L", "localityName", "2.5.4.7", []),
        new("O", "organizationName", "2.5.4.10", []),
        new("OU", "organizationalUnitName", "2.5.4.11", []),
        new("CN", "commonName", "2.5.4.3", []),
        new("emailAddress", "emailAddress", "1.2.840.113549.1.9.1", ["E", "email"]),
    ];

    /// <summary>"C, ST (or S), L, O, OU, CN, emailAddress": the list an error names.</summary>
    public static string ValidNames => "C, ST (or S), L, O, OU, CN, emailAddress";

    /// <summary>The type named <paramref name="name"/> (short, long or alias, any case); null when unknown.</summary>
    public static SubjectAttributeType? Find(string name)
    {
        var n = name.Trim();
        return All.FirstOrDefault(t => string.Equals(t.ShortName, n, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.LongName, n, StringComparison.OrdinalIgnoreCase)
            || t.Aliases.Any(a => string.Equals(a, n, StringComparison.OrdinalIgnoreCase)));
    }
}
