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

            var hasDns = false;
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
                    hasDns |= g.TagNo == GeneralName.DnsName;
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

            if (leaf && !hasDns)
            {
                foreach (var cn in subject.GetValueList(X509Name.CN).Where(LooksLikeHostName))
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

        private static bool LooksLikeHostName(string cn) =>
            cn.IndexOf('.') > 0 && cn.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '.' or '*');
    }
}
