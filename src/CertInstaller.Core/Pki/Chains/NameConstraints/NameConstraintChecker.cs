using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.NameConstraints;

/// <summary>
/// RFC 5280 §4.2.1.10 and §6.1.3(b), §6.1.4(g): the names of every certificate below a CA (subject DN, its
/// emailAddress attributes, every SAN, and the leaf's CN as a DNS name when it has no DNS SAN, as openssl does) must be
/// within that CA's permitted subtrees of their type and outside its excluded subtrees. Permitted sets of the CAs on
/// the path intersect (a name must satisfy each), excluded sets unite. Self-issued intermediates are not checked
/// (§6.1.3(b)); the leaf always is. A hand-written matcher over names BouncyCastle parsed.
/// </summary>
internal static class NameConstraintChecker
{
    /// <summary>The most name×constraint comparisons one path may need (openssl's bound, NAME_CHECK_MAX).</summary>
    public const long MaxComparisons = 1 << 20;

    /// <summary>The most comparisons all candidate paths of one build may take together.</summary>
    public const long MaxComparisonsPerBuild = 4L << 20;

    private const string Source = "RFC 5280 §4.2.1.10, §6.1.3(b)";

    /// <summary>Checks the path; <paramref name="spent"/> counts the comparisons of every path of one build, and
    /// false is returned (nothing checked) when this path would take the build past <see cref="MaxComparisonsPerBuild"/>.</summary>
    public static bool Check(IReadOnlyList<X509Certificate> path, Findings findings, ref long spent)
    {
        var sets = new List<(int Index, ConstraintSet Set)>();
        for (var j = 1; j < path.Count; j++)
        {
            if (ConstraintSet.Read(path[j], out var error) is { } set)
            {
                sets.Add((j, set));
            }
            else if (error is not null)
            {
                findings.Add(ChainProblemCode.MalformedNameConstraints, path[j], error, "RFC 5280 §4.2.1.10");
            }
        }

        if (sets.Count == 0)
        {
            return true;
        }

        var subjects = new List<(X509Certificate Cert, List<Name> Names, int Index)>();
        long comparisons = 0;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (i > 0 && Certs.IsSelfIssued(path[i]))
            {
                continue;
            }

            var names = Name.Of(path[i], leaf: i == 0);
            subjects.Add((path[i], names, i));
            comparisons += sets.Where(s => s.Index > i).Sum(s => (long)names.Count * s.Set.Count);
        }

        if (comparisons > MaxComparisons)
        {
            findings.Add(ChainProblemCode.NameConstraintsTooComplex, path[0],
                $"checking the names against the name constraints would take {comparisons:N0} comparisons (bound {MaxComparisons:N0})", Source);
            return true;
        }

        if (spent + comparisons > MaxComparisonsPerBuild)
        {
            return false;
        }

        spent += comparisons;

        foreach (var (cert, names, index) in subjects)
        {
            foreach (var name in names)
            {
                foreach (var (ca, set) in sets.Where(s => s.Index > index).Select(s => (path[s.Index], s.Set)))
                {
                    switch (set.Judge(name))
                    {
                        case Verdict.NotPermitted:
                            findings.Add(ChainProblemCode.NameNotPermitted, cert, $"{name} is not within the permitted subtrees of '{Certs.Describe(ca)}'", Source);
                            break;
                        case Verdict.Excluded:
                            findings.Add(ChainProblemCode.NameExcluded, cert, $"{name} is within an excluded subtree of '{Certs.Describe(ca)}'", Source);
                            break;
                        case Verdict.Uncheckable:
                            findings.Add(ChainProblemCode.UncheckableNameConstraint, cert,
                                $"{name} is of a type constrained by '{Certs.Describe(ca)}' that this validator cannot check, so it fails closed", Source);
                            break;
                    }
                }
            }
        }

        return true;
    }

    internal enum Verdict
    {
        Ok,
        NotPermitted,
        Excluded,
        Uncheckable,
    }

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

    /// <summary>The permitted and excluded subtrees of one CA, by GeneralName tag.</summary>
    internal sealed class ConstraintSet
    {
        private readonly Dictionary<int, List<GeneralName>> _permitted = [];
        private readonly Dictionary<int, List<GeneralName>> _excluded = [];

        public int Count { get; private set; }

        /// <summary>The constraints of <paramref name="ca"/>; null with <paramref name="error"/> when malformed, null without when absent.</summary>
        public static ConstraintSet? Read(X509Certificate ca, out string? error)
        {
            error = null;
            var value = ca.GetExtensionValue(X509Extensions.NameConstraints);
            if (value is null)
            {
                return null;
            }

            try
            {
                var sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(value.GetOctets()));
                if (sequence.Count == 0)
                {
                    error = "the name constraints extension is an empty sequence";
                    return null;
                }

                var set = new ConstraintSet();
                foreach (var element in sequence)
                {
                    var tagged = Asn1TaggedObject.GetInstance(element);
                    if (tagged.TagNo is not (0 or 1))
                    {
                        error = $"unexpected field [{tagged.TagNo}] in the name constraints";
                        return null;
                    }

                    var subtrees = Asn1Sequence.GetInstance(tagged, false);
                    var (into, label) = tagged.TagNo == 0 ? (set._permitted, "permitted") : (set._excluded, "excluded");

                    if (subtrees.Count == 0)
                    {
                        error = $"the {label} subtrees are an empty sequence";
                        return null;
                    }

                    foreach (var item in subtrees)
                    {
                        var subtree = GeneralSubtree.GetInstance(item);
                        if (subtree.MaximumObject is not null || (subtree.MinimumObject?.Value ?? Org.BouncyCastle.Math.BigInteger.Zero).SignValue != 0)
                        {
                            error = $"a {label} subtree sets minimum or maximum (minimum MUST be 0, maximum absent)";
                            return null;
                        }

                        var name = subtree.Base;
                        if (Malformed(name) is { } problem)
                        {
                            error = $"the {label} subtree {Show(name)} is malformed: {problem}";
                            return null;
                        }

                        if (!into.TryGetValue(name.TagNo, out var list))
                        {
                            into[name.TagNo] = list = [];
                        }

                        list.Add(name);
                        set.Count++;
                    }
                }

                return set;
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException or InvalidOperationException or ArithmeticException)
            {
                error = $"the name constraints extension does not decode ({e.Message})";
                return null;
            }
        }

        public Verdict Judge(Name name)
        {
            var permitted = _permitted.TryGetValue(name.Tag, out var p) ? p : null;
            var excluded = _excluded.TryGetValue(name.Tag, out var x) ? x : null;
            if (permitted is null && excluded is null)
            {
                return Verdict.Ok;
            }

            foreach (var subtree in excluded ?? [])
            {
                var m = Matcher.Within(name, subtree, excluded: true);
                if (m is null)
                {
                    return Verdict.Uncheckable;
                }

                if (m.Value)
                {
                    return Verdict.Excluded;
                }
            }

            if (permitted is null)
            {
                return Verdict.Ok;
            }

            foreach (var subtree in permitted)
            {
                var m = Matcher.Within(name, subtree, excluded: false);
                if (m is null)
                {
                    return Verdict.Uncheckable;
                }

                if (m.Value)
                {
                    return Verdict.Ok;
                }
            }

            return Verdict.NotPermitted;
        }

        private static string Show(GeneralName name) => name.TagNo switch
        {
            GeneralName.IPAddress => "iPAddress " + Convert.ToBase64String(Asn1OctetString.GetInstance(name.Name).GetOctets()),
            GeneralName.DirectoryName => "directoryName " + Certs.DescribeName(X509Name.GetInstance(name.Name)),
            _ => name.ToString(),
        };

        private static string? Malformed(GeneralName name)
        {
            switch (name.TagNo)
            {
                case GeneralName.DnsName:
                    var dns = ((IAsn1String)name.Name).GetString();
                    if (dns.IndexOf('*') >= 0)
                    {
                        return "a dNSName constraint cannot hold a wildcard";
                    }

                    if (dns.StartsWith(".", StringComparison.Ordinal))
                    {
                        return "a dNSName constraint is a DNS name, without a leading dot";
                    }

                    return null;
                case GeneralName.IPAddress:
                    var bytes = Asn1OctetString.GetInstance(name.Name).GetOctets();
                    if (bytes.Length is not (8 or 32))
                    {
                        return $"an iPAddress constraint is 8 (IPv4) or 32 (IPv6) octets, not {bytes.Length}";
                    }

                    return Matcher.ContiguousMask(bytes, bytes.Length / 2) ? null : "the mask is not a run of leading one bits";
                case GeneralName.Rfc822Name:
                case GeneralName.UniformResourceIdentifier:
                    return ((IAsn1String)name.Name).GetString().Length == 0 && name.TagNo == GeneralName.UniformResourceIdentifier
                        ? "an empty URI constraint" : null;
                default:
                    return null;
            }
        }
    }
}
