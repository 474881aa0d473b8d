using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>
/// Builds a path by issuer name from the leaf to a trust anchor, preferring issuers whose signature verifies,
/// then checks every link: signature, validity at the given time, CA constraints, path length, keyCertSign.
/// Share one instance (and its <see cref="SignatureCache"/>) across a folder so shared issuers are verified once.
/// </summary>
public sealed class ChainBuilder : IChainBuilder
{
    private const int MaxDepth = 16;

    /// <summary>A builder with its own signature cache, or the given one.</summary>
    public ChainBuilder(SignatureCache? cache = null) => Signatures = cache ?? new SignatureCache();

    /// <summary>The signature cache this builder uses.</summary>
    public SignatureCache Signatures { get; }

    /// <inheritdoc/>
    public ChainResult Build(ChainRequest request)
    {
        var problems = new List<ChainProblem>();
        var path = new List<X509Certificate> { request.Leaf };
        var anchor = Walk(request, path, problems);

        CheckValidity(path, request.At, problems);
        CheckIssuers(path, problems);
        if (request.Host is { } host && !HostMatcher.Covers(request.Leaf, host))
        {
            problems.Add(Problem(ChainProblemCode.HostMismatch, request.Leaf, $"the certificate does not cover host '{host}'"));
        }

        return new ChainResult(path, anchor, problems);
    }

    private X509Certificate? Walk(ChainRequest request, List<X509Certificate> path, List<ChainProblem> problems)
    {
        var current = request.Leaf;
        while (true)
        {
            if (request.Anchors.Contains(current))
            {
                return current;
            }

            if (IsSelfIssued(current) && Signatures.Verifies(current, current))
            {
                problems.Add(path.Count == 1
                    ? Problem(ChainProblemCode.SelfSignedLeaf, current, "the leaf is self-signed and is not a trust anchor")
                    : Problem(ChainProblemCode.UntrustedRoot, current, "the path ends at a self-signed root that is not a trust anchor"));
                return null;
            }

            if (path.Count > MaxDepth)
            {
                problems.Add(Problem(ChainProblemCode.PathTooLong, current, $"the path is longer than {MaxDepth} certificates"));
                return null;
            }

            var candidates = request.Anchors.WithSubject(current.IssuerDN)
                .Concat(request.Pool.WithSubject(current.IssuerDN))
                .Where(c => !c.Equals(current))
                .Distinct()
                .ToList();
            if (candidates.Count == 0)
            {
                problems.Add(Problem(ChainProblemCode.IssuerNotFound, current,
                    $"issuer '{PkiDescriber.DescribeName(current.IssuerDN).OneLine}' was not found among the given certificates and anchors"));
                return null;
            }

            var subject = current;
            var fresh = candidates.Where(c => !path.Contains(c)).ToList();
            if (fresh.Count == 0)
            {
                problems.Add(Problem(ChainProblemCode.Loop, current, "the issuer of this certificate is already on the path (loop)"));
                return null;
            }

            var issuer = fresh.FirstOrDefault(c => Signatures.Verifies(c, subject) && request.Anchors.Contains(c))
                ?? fresh.Where(c => Signatures.Verifies(c, subject)).OrderByDescending(c => c.IsValid(request.At.UtcDateTime)).FirstOrDefault();
            if (issuer is null)
            {
                issuer = fresh[0];
                problems.Add(Problem(ChainProblemCode.BadSignature, current,
                    $"the signature does not verify with the key of '{PkiDescriber.DescribeName(issuer.SubjectDN).OneLine}'"));
            }

            path.Add(issuer);
            current = issuer;
        }
    }

    private static void CheckValidity(List<X509Certificate> path, DateTimeOffset at, List<ChainProblem> problems)
    {
        var when = at.UtcDateTime;
        foreach (var certificate in path)
        {
            if (when > certificate.NotAfter.ToUniversalTime())
            {
                problems.Add(Problem(ChainProblemCode.Expired, certificate, $"expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}"));
            }
            else if (when < certificate.NotBefore.ToUniversalTime())
            {
                problems.Add(Problem(ChainProblemCode.NotYetValid, certificate, $"not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}"));
            }
        }
    }

    private static void CheckIssuers(List<X509Certificate> path, List<ChainProblem> problems)
    {
        for (var i = 1; i < path.Count; i++)
        {
            var issuer = path[i];
            var constraints = issuer.GetBasicConstraints();
            if (constraints < 0)
            {
                problems.Add(Problem(ChainProblemCode.IssuerNotCa, issuer, "issues certificates but its basic constraints do not say cA=TRUE"));
            }
            else
            {
                var casBelow = Enumerable.Range(1, i - 1).Count(j => !IsSelfIssued(path[j]));
                if (constraints != int.MaxValue && casBelow > constraints)
                {
                    problems.Add(Problem(ChainProblemCode.PathLengthExceeded, issuer,
                        $"pathLenConstraint {constraints} but {casBelow} CA certificate(s) below it"));
                }
            }

            var usage = issuer.GetKeyUsage();
            if (usage is not null && (usage.Length <= 5 || !usage[5]))
            {
                problems.Add(Problem(ChainProblemCode.IssuerMissingKeyCertSign, issuer, "issues certificates but its key usage lacks keyCertSign"));
            }
        }
    }

    private static bool IsSelfIssued(X509Certificate certificate) =>
        CertificatePool.NameKey(certificate.SubjectDN) == CertificatePool.NameKey(certificate.IssuerDN);

    private static ChainProblem Problem(ChainProblemCode code, X509Certificate certificate, string message) =>
        new(code, message, PkiDescriber.DescribeName(certificate.SubjectDN).OneLine);
}
