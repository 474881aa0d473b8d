using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.NameConstraints;

// The subtrees of one CA and the matching of a name against them (moved out of NameConstraintChecker.cs unchanged).
internal static partial class NameConstraintChecker
{
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
