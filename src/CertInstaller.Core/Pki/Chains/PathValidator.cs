using CertInstaller.Core.Pki.Chains.NameConstraints;
using CertInstaller.Core.Pki.Chains.Profiles;
using CertInstaller.Core.Pki.Chains.Revocation;
using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>
/// Validates one candidate path (leaf first; the last certificate is the anchor when <c>anchor</c> is given) as
/// RFC 5280 §6.1 says, plus the request's purpose, revocation from CRL files and profile. States every problem found.
/// </summary>
internal sealed class PathValidator(ChainRequest request, SignatureCache signatures)
{
    private long _nameComparisons;

    /// <summary>True once the candidate paths of this build have used up the name-constraint work bound.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>False for signatures that must never verify, whatever the key (MD2, MD4, MD5).</summary>
    public static bool SignatureAcceptable(X509Certificate subject) => !CertificateRules.ForbiddenDigest(subject);

    public Outcome Validate(IReadOnlyList<X509Certificate> path, X509Certificate? anchor)
    {
        var findings = new Findings(request.Files);
        IReadOnlyList<CrlSource> checkedCrls = [];
        Guard(path, findings, () => LinkRules.Check(path, anchor, signatures, request.MinDigest, findings));
        Guard(path, findings, () => CertificateRules.Check(path, anchor, request.At, findings));
        Guard(path, findings, () =>
        {
            if (request.Host is { } host && !HostMatcher.Covers(path[0], host))
            {
                findings.Add(ChainProblemCode.HostMismatch, path[0], $"the certificate does not cover host '{host}'", "RFC 6125 §6.4; RFC 2818 §3.1");
            }
        });
        Guard(path, findings, () => PurposeRules.Check(path, anchor, request.Purpose, request.Profile, findings));
        Guard(path, findings, () =>
        {
            if (!NameConstraintChecker.Check(path, findings, ref _nameComparisons))
            {
                Exhausted = true;
                findings.Add(ChainProblemCode.SearchBudgetExceeded, path[0],
                    $"the candidate paths together need more than {NameConstraintChecker.MaxComparisonsPerBuild:N0} name-constraint comparisons", "RFC 4158 §2.4, bounded path building");
            }
        });
        if (request.Crls is { } crls)
        {
            Guard(path, findings, () => checkedCrls = CrlChecker.Check(path, anchor, crls, request.At, findings));
        }

        if (request.Profile == ChainProfile.WebPki)
        {
            Guard(path, findings, () => WebPkiRules.Check(path, anchor, findings));
        }

        return new Outcome(path, anchor, findings.Problems.ToList()) { CheckedCrls = checkedCrls, Warnings = findings.Warnings.ToList() };
    }

    // A certificate whose extensions BouncyCastle cannot decode fails the rule that needed them; it never throws out
    // of the builder (IChainBuilder's contract).
    private static void Guard(IReadOnlyList<X509Certificate> path, Findings findings, Action rule)
    {
        try
        {
            rule();
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or InvalidOperationException
            or FormatException or ArithmeticException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            findings.Add(ChainProblemCode.MalformedExtension, path[0], $"a certificate of the path could not be checked: {e.Message}", "RFC 5280 §4.2");
        }
    }
}

/// <summary>A validated candidate path: lower <see cref="Score"/> is a better failing path to report.</summary>
internal sealed record Outcome(IReadOnlyList<X509Certificate> Path, X509Certificate? Anchor, IReadOnlyList<ChainProblem> Problems)
{
    public IReadOnlyList<CrlSource> CheckedCrls { get; init; } = [];

    public IReadOnlyList<ChainProblem> Warnings { get; init; } = [];

    public bool Valid => Anchor is not null && Problems.Count == 0;

    // Reaching an anchor matters most, then verified signatures, then the fewest problems.
    public long Score =>
        (Anchor is null ? 1_000_000_000L : 0)
        + (Problems.Any(p => p.Code is ChainProblemCode.BadSignature or ChainProblemCode.ForbiddenSignatureDigest) ? 1_000_000L : 0)
        + (Problems.Any(p => p.Code == ChainProblemCode.WeakSignatureDigest) ? 1_000L : 0)
        + Problems.Count;
}
