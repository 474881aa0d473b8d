using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.NameConstraints;

// The names of one certificate that name constraints apply to (moved out of NameConstraintChecker.cs unchanged).
internal static partial class NameConstraintChecker
{
    /// <summary>One name of a certificate: its GeneralName tag and the BouncyCastle-parsed value.</summary>
    internal sealed record Name(int Tag, string? Text, byte[]? Bytes, X509Name? Directory)
    {
        public static List<Name> Of(X509Certificate c, bool leaf)
        {
            var names = new List<Name>();
            var subject = c.SubjectDN;
            if (subject.GetOidList().Count > 0)
            {
                names.Add(new Name(GeneralName.DirectoryName, null, null, subject));
            }

            foreach (var email in subject.GetValueList(PkcsObjectIdentifiers.Pkcs9AtEmailAddress))
            {
                names.Add(new Name(GeneralName.Rfc822Name, email, null, null));
            }

            var san = c.GetExtensionValue(X509Extensions.SubjectAlternativeName);
            if (san is not null)
            {
                GeneralName[] entries;
                try
                {
                    entries = GeneralNames.GetInstance(Asn1Object.FromByteArray(san.GetOctets())).GetNames();
                }
                catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException)
                {
                    entries = []; // reported as MalformedExtension
                }

                foreach (var g in entries)
                {
                    names.Add(g.TagNo switch
                    {
                        GeneralName.DnsName or GeneralName.Rfc822Name or GeneralName.UniformResourceIdentifier =>
                            new Name(g.TagNo, ((IAsn1String)g.Name).GetString(), null, null),
                        GeneralName.IPAddress => new Name(g.TagNo, null, Asn1OctetString.GetInstance(g.Name).GetOctets(), null),
                        GeneralName.DirectoryName => new Name(g.TagNo, null, null, X509Name.GetInstance(g.Name)),
                        _ => new Name(g.TagNo, null, null, null),
                    });
                }
            }

            // The legacy rule browsers and Go keep: the CN stands for a DNS name only when there is no SAN extension at
            // all (RFC 6125 §6.4.4) and it is a host name in DNS syntax; an IP literal never is (RFC 5280 §4.2.1.10
            // applies DNS constraints to dNSName entries).
            if (leaf && san is null)
            {
                foreach (var cn in subject.GetValueList(X509Name.CN).Where(IsDnsHostName))
                {
                    names.Add(new Name(GeneralName.DnsName, cn, null, null));
                }
            }

            return names;
        }

        public override string ToString() => Tag switch
        {
            GeneralName.DnsName => $"dns:{Text}",
            GeneralName.Rfc822Name => $"email:{Text}",
            GeneralName.UniformResourceIdentifier => $"uri:{Text}",
            GeneralName.IPAddress => $"ip:{(Bytes is { Length: 4 or 16 } b ? new System.Net.IPAddress(b).ToString() : "(bad length)")}",
            GeneralName.DirectoryName => $"dirName:{Certs.DescribeName(Directory!)}",
            _ => $"name of GeneralName type [{Tag}]",
        };

        private static readonly System.Text.RegularExpressions.Regex Label =
            new("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>A dotted host name (RFC 1123 §2.1 labels, a wildcard only as the whole left-most label), never an
        /// IPv4 or IPv6 literal.</summary>
        internal static bool IsDnsHostName(string cn)
        {
            var host = cn.EndsWith(".", StringComparison.Ordinal) ? cn.Substring(0, cn.Length - 1) : cn;
            if (host.Length is 0 or > 253 || host.IndexOf('.') <= 0 || System.Net.IPAddress.TryParse(host, out _))
            {
                return false;
            }

            var labels = host.Split('.');
            // An all-numeric last label is no top-level domain: "10.1.2" is an address, not a host name.
            return labels.Select((l, i) => (i == 0 && l == "*") || Label.IsMatch(l)).All(ok => ok) && !labels[labels.Length - 1].All(char.IsDigit);
        }
    }
}
