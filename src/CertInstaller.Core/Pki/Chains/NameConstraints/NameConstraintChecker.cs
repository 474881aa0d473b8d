using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains.NameConstraints;

/// <summary>
/// RFC 5280 §4.2.1.10 and §6.1.3(b), §6.1.4(g): the names of every certificate below a CA (subject DN, its
/// emailAddress attributes, every SAN, and the leaf's CN as a DNS name only when it has no SAN extension and the CN is a
/// host name in DNS syntax, never an IP literal, as browsers and Go do; openssl also checks it beside IP-only SANs) must be
/// within that CA's permitted subtrees of their type and outside its excluded subtrees. Permitted sets of the CAs on
/// the path intersect (a name must satisfy each), excluded sets unite. Self-issued intermediates are not checked
/// (§6.1.3(b)); the leaf always is. A hand-written matcher over names BouncyCastle parsed.
/// </summary>
internal static partial class NameConstraintChecker
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
}
