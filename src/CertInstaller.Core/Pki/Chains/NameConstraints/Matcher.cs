using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace CertInstaller.Core.Pki.Chains.NameConstraints;

/// <summary>Whether one name is within one subtree of its type (RFC 5280 §4.2.1.10); null when it cannot be judged.</summary>
internal static class Matcher
{
    public static bool? Within(NameConstraintChecker.Name name, GeneralName subtree, bool excluded) => name.Tag switch
    {
        GeneralName.DnsName => Dns(name.Text!, ((IAsn1String)subtree.Name).GetString(), excluded),
        GeneralName.Rfc822Name => Email(name.Text!, ((IAsn1String)subtree.Name).GetString()),
        GeneralName.UniformResourceIdentifier => UriHost(name.Text!) is { } host ? Host(host, ((IAsn1String)subtree.Name).GetString()) : null,
        GeneralName.IPAddress => Ip(name.Bytes!, Asn1OctetString.GetInstance(subtree.Name).GetOctets()),
        GeneralName.DirectoryName => Directory(name.Directory!, X509Name.GetInstance(subtree.Name)),
        _ => null,
    };

    /// <summary>DNS: the name with zero or more labels added on the left. A wildcard label may stand for a constrained
    /// name, so a wildcard that could cover an excluded subtree is excluded.</summary>
    private static bool Dns(string name, string constraint, bool excluded)
    {
        var n = name.TrimEnd('.').ToLowerInvariant();
        var c = constraint.TrimEnd('.').ToLowerInvariant();
        if (c.Length == 0 || n == c || n.EndsWith("." + c, StringComparison.Ordinal))
        {
            return true;
        }

        if (excluded && n.StartsWith("*.", StringComparison.Ordinal))
        {
            var rest = n.Substring(2);
            var dot = c.IndexOf('.');
            return dot > 0 && c.Substring(dot + 1) == rest;
        }

        return false;
    }

    /// <summary>rfc822Name: a mailbox (exact), a host (every mailbox there) or .domain (every mailbox below it).</summary>
    private static bool Email(string name, string constraint)
    {
        var at = name.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        var host = name.Substring(at + 1);
        if (constraint.IndexOf('@') >= 0)
        {
            var cat = constraint.LastIndexOf('@');
            return string.Equals(name.Substring(0, at), constraint.Substring(0, cat), StringComparison.Ordinal)
                && string.Equals(host, constraint.Substring(cat + 1), StringComparison.OrdinalIgnoreCase);
        }

        return Host(host, constraint);
    }

    /// <summary>A host against "host" (that host) or ".domain" (hosts below it).</summary>
    private static bool Host(string host, string constraint)
    {
        var h = host.TrimEnd('.');
        if (constraint.StartsWith(".", StringComparison.Ordinal))
        {
            return h.EndsWith(constraint, StringComparison.OrdinalIgnoreCase) && h.Length > constraint.Length;
        }

        return string.Equals(h, constraint, StringComparison.OrdinalIgnoreCase);
    }

    private static string? UriHost(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.HostNameType == UriHostNameType.Dns && u.Host.Length > 0 ? u.Host : null;

    private static bool? Ip(byte[] address, byte[] constraint)
    {
        if (address.Length is not (4 or 16))
        {
            return null;
        }

        if (constraint.Length != address.Length * 2)
        {
            return false; // the other address family
        }

        for (var i = 0; i < address.Length; i++)
        {
            var mask = constraint[address.Length + i];
            if ((address[i] & mask) != (constraint[i] & mask))
            {
                return false;
            }
        }

        return true;
    }

    public static bool ContiguousMask(byte[] addressAndMask, int offset)
    {
        var seenZero = false;
        for (var i = offset; i < addressAndMask.Length; i++)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var one = (addressAndMask[i] >> bit & 1) == 1;
                if (one && seenZero)
                {
                    return false;
                }

                seenZero |= !one;
            }
        }

        return true;
    }

    /// <summary>directoryName: the subject's first RDNs equal the constraint's (compared as RFC 5280 §7.1 says, by BouncyCastle).</summary>
    private static bool Directory(X509Name name, X509Name constraint)
    {
        var rdns = Asn1Sequence.GetInstance(name.ToAsn1Object());
        var prefix = Asn1Sequence.GetInstance(constraint.ToAsn1Object());
        if (prefix.Count > rdns.Count)
        {
            return false;
        }

        if (prefix.Count == 0)
        {
            return true;
        }

        var v = new Asn1EncodableVector();
        for (var i = 0; i < prefix.Count; i++)
        {
            v.Add(rdns[i]);
        }

        return X509Name.GetInstance(new DerSequence(v)).Equivalent(constraint, true);
    }
}
