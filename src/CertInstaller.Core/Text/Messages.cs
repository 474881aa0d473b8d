using System.Text.RegularExpressions;

namespace CertInstaller.Core.Text;

/// <summary>Turns an exception message from a library into one line an administrator can read: the first line only,
/// no nested exception text, no BouncyCastle or .NET type names (Org.BouncyCastle.Asn1.DerSequence reads "SEQUENCE"),
/// no "(Parameter 'obj')", control characters escaped, at most 300 characters.</summary>
public static class Messages
{
    private const int MaxLength = 300;

    private static readonly Regex Cast = new(@"Unable to cast object of type '([^']*)' to type '([^']*)'\.?", RegexOptions.CultureInvariant);
    private static readonly Regex Qualified = new(@"\b(?:Org\.BouncyCastle|System)(?:\.[A-Za-z_][A-Za-z0-9_`]*)+", RegexOptions.CultureInvariant);
    private static readonly Regex Bare = new(@"\b(?:Der|Ber|DL|Asn1)[A-Z][A-Za-z0-9]*\b|\b[A-Z][A-Za-z0-9]*(?:KeyParameters|Parameters)\b", RegexOptions.CultureInvariant);
    private static readonly Regex Parameter = new(@"\s*\(Parameter '[^']*'\)", RegexOptions.CultureInvariant);

    /// <summary>The readable one-line form of <paramref name="message"/>.</summary>
    public static string Brief(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var nested = line.IndexOf(": System.", StringComparison.Ordinal);
        line = nested > 0 ? line.Substring(0, nested) : line;
        line = Cast.Replace(line, m => $"found {Article(Plain(m.Groups[1].Value))} where {Article(Plain(m.Groups[2].Value))} belongs");
        line = Qualified.Replace(line, m => Plain(m.Value));
        line = Bare.Replace(line, m => Plain(m.Value));
        line = Printable.Escape(Parameter.Replace(line, string.Empty));
        return line.Length <= MaxLength ? line : line.Substring(0, MaxLength) + "...";
    }

    /// <summary>The ASN.1 (or key) notion a type name stands for.</summary>
    private static string Plain(string typeName)
    {
        var name = typeName.Substring(typeName.LastIndexOf('.') + 1);
        if (name.EndsWith("KeyParameters", StringComparison.Ordinal) || name.EndsWith("Parameters", StringComparison.Ordinal))
        {
            return name.StartsWith("Rsa", StringComparison.Ordinal) ? "RSA key" : name.StartsWith("EC", StringComparison.Ordinal) ? "EC key"
                : name.StartsWith("Dsa", StringComparison.Ordinal) ? "DSA key" : name.StartsWith("Ed", StringComparison.Ordinal) ? "EdDSA key" : "key";
        }

        var bare = Regex.Replace(name, "^(Der|Ber|DL|Asn1)", string.Empty);
        return bare switch
        {
            "Sequence" => "SEQUENCE",
            "Set" => "SET",
            "Integer" => "INTEGER",
            "OctetString" => "OCTET STRING",
            "BitString" => "BIT STRING",
            "ObjectIdentifier" => "OBJECT IDENTIFIER",
            "Null" => "NULL",
            "Boolean" => "BOOLEAN",
            "Enumerated" => "ENUMERATED",
            "TaggedObject" => "tagged element",
            "UtcTime" or "GeneralizedTime" => "time",
            _ when bare.EndsWith("String", StringComparison.Ordinal) => "string",
            _ when name != bare || typeName.StartsWith("Org.BouncyCastle", StringComparison.Ordinal) => "ASN.1 element",
            _ => "value",
        };
    }

    private static string Article(string noun) => ("AEIOU".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;
}
