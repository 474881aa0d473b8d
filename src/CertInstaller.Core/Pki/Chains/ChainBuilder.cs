using CertInstaller.Core.Pki.Chains.Rules;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Chains;

/// <summary>
/// Builds paths from the leaf to a trust anchor by issuer name (RFC 5280 §6; RFC 4158 path building), trying every
/// candidate issuer until one path validates (backtracking), and validates each complete path with
/// <see cref="PathValidator"/>. When no path validates, the result is the best failing path with its problems.
/// The search is bounded (<see cref="NodeBudget"/>, <see cref="SignatureBudget"/>) so crafted pools cannot make it spin.
/// Share one instance (and its <see cref="SignatureCache"/>) across a folder so shared issuers are verified once.
/// </summary>
public sealed class ChainBuilder : IChainBuilder
{
    /// <summary>The most certificates one build places on candidate paths before it gives up.</summary>
    public const int NodeBudget = 1024;

    /// <summary>The most issuer→subject signature checks one build asks for before it gives up. Candidates whose key
    /// identifiers match are tried first, so a real chain needs one check per link; the bound only bites on pools
    /// crafted with many same-subject CAs and leaves without an authority key identifier (RFC 5280 §4.2.1.1 requires one).</summary>
    public const int SignatureBudget = 128;

    /// <summary>A builder with its own signature cache, or the given one.</summary>
    public ChainBuilder(SignatureCache? cache = null) => Signatures = cache ?? new SignatureCache();

    /// <summary>The signature cache this builder uses.</summary>
    public SignatureCache Signatures { get; }

    /// <inheritdoc/>
    public ChainResult Build(ChainRequest request) => new PathSearch(request, Signatures).Run();

    /// <summary>One build: a depth-first search with loop detection, a depth limit and dead-end memory.</summary>
    private sealed class PathSearch(ChainRequest request, SignatureCache signatures)
    {
        private readonly PathValidator _validator = new(request, signatures);
        private readonly Dictionary<X509Certificate, int> _deadEnds = new(CertificateComparer.Instance);
        private readonly Dictionary<(string Key, X509Certificate Subject), bool> _byKey = new(KeyAndSubject.Instance);
        private readonly List<X509Certificate> _path = [];
        private readonly HashSet<X509Certificate> _onPath = new(CertificateComparer.Instance);
        private Outcome? _best;
        private int _nodes;
        private int _signatureChecks;
        private bool _exhausted;
        private int _anchorsReached;
        private int _selfIssuedIntermediates;

        public ChainResult Run()
        {
            _path.Add(request.Leaf);
            _onPath.Add(request.Leaf);
            Visit(fallback: false, out _, out _);
            var best = _best ?? new Outcome([request.Leaf], null, []);
            var problems = best.Problems.ToList();
            if (!best.Valid && _exhausted && problems.All(p => p.Code != ChainProblemCode.SearchBudgetExceeded))
            {
                problems.Add(Findings.Make(request.Files, ChainProblemCode.SearchBudgetExceeded, request.Leaf,
                    $"the path search stopped after {_nodes} certificates and {_signatureChecks} signature checks without finding a valid path "
                    + $"(bounds {NodeBudget} and {SignatureBudget}); the pool holds too many candidate issuers", "RFC 4158 §2.4, bounded path building"));
            }

            return new ChainResult(best.Path, best.Anchor, problems)
            {
                CheckedCrls = best.CheckedCrls,
                Warnings = best.Warnings,
                NodesVisited = _nodes,
            };
        }

        // True when a valid path was found (the search stops). pathDependent tells the caller that this subtree's
        // failure depended on the path below it (loop, budget), so it must not be remembered as a dead end;
        // depthLimited that the depth limit cut it, so it is remembered with the depth that was left.
        private bool Visit(bool fallback, out bool pathDependent, out bool depthLimited)
        {
            pathDependent = false;
            depthLimited = false;
            var current = _path[_path.Count - 1];
            if (++_nodes > NodeBudget)
            {
                _exhausted = true;
                pathDependent = true;
                return false;
            }

            var isAnchor = request.Anchors.Contains(current);
            if (isAnchor && (request.PartialChain || Certs.LooksSelfSigned(current)))
            {
                return Evaluate(current, null);
            }

            var selfSigned = !isAnchor && Certs.IsSelfIssued(current) && SignatureOk(current, current);
            var candidates = (selfSigned
                    ? request.Anchors.WithSubject(current.IssuerDN)
                    : request.Anchors.WithSubject(current.IssuerDN).Concat(request.Pool.WithSubject(current.IssuerDN)))
                .Where(c => !c.Equals(current))
                .Distinct(CertificateComparer.Instance)
                .ToList();
            if (candidates.Count == 0)
            {
                return Evaluate(null, Terminal(current, isAnchor, selfSigned));
            }

            // A self-issued intermediate (a key rollover, ICA' -> ICA) is no logical step, as for pathLenConstraint
            // (RFC 5280 §6.1.4(l)): the current certificate is an intermediate here, so it counts when self-issued.
            var remaining = request.MaxDepth - (_path.Count - _selfIssuedIntermediates - (_path.Count > 1 && Certs.IsSelfIssued(current) ? 1 : 0));
            if (remaining <= 0)
            {
                depthLimited = true;
                return Evaluate(null, (ChainProblemCode.PathTooLong,
                    $"the path reaches the limit of {request.MaxDepth} certificates (the maximum depth, self-issued intermediates not counted) without reaching a trust anchor", "RFC 5280 §6.1, path length bound; §6.1.4(l)"));
            }

            // A candidate that reached no anchor with at least this much depth left cannot reach one now (a self-issued
            // candidate would have as much left as this one). A candidate left out because it is already on the path
            // makes this subtree's outcome depend on the path.
            var fresh = candidates.Where(c => !_onPath.Contains(c)
                && !(_deadEnds.TryGetValue(c, out var tried) && tried >= remaining - (Certs.IsSelfIssued(c) ? 0 : 1))).ToList();
            var loops = candidates.Any(_onPath.Contains);
            pathDependent = loops;
            if (fresh.Count == 0)
            {
                if (loops)
                {
                    return Evaluate(null, (ChainProblemCode.Loop, "the issuer of this certificate is already on the path (loop)", "RFC 5280 §6.1, RFC 4158 §5.2"));
                }

                return false;
            }

            var when = request.At.UtcDateTime;
            // One candidate (every link of an ordinary chain) needs no ranking: its keys were computed for nothing
            // (bench/profile.sh: 4% of a 2,000-leaf scan).
            var ordered = fresh.Count == 1 ? fresh : fresh
                .OrderBy(c => Certs.KeyIdRank(current, c))
                .ThenBy(c => request.Anchors.Contains(c) ? 0 : 1)
                // A candidate signed below the minimum digest would be a weak link: a cross-signed or renewed
                // certificate of the same CA that meets it is tried first.
                .ThenBy(c => !request.Anchors.Contains(c) && LinkRules.BelowMinimum(c, request.MinDigest) ? 1 : 0)
                .ThenBy(c => when >= c.NotBefore.ToUniversalTime() && when <= c.NotAfter.ToUniversalTime() ? 0 : 1)
                .ThenByDescending(c => c.NotAfter)
                .ToList();
            var anyVerified = false;
            var reachedBefore = _anchorsReached;
            foreach (var issuer in ordered)
            {
                if (_exhausted)
                {
                    break;
                }

                if (!SignatureOk(issuer, current))
                {
                    continue;
                }

                anyVerified = true;
                if (Descend(issuer, fallback, out var dependent, out var limited))
                {
                    return true;
                }

                pathDependent |= dependent;
                depthLimited |= limited;
            }

            if (!anyVerified && !_exhausted)
            {
                if (!fallback)
                {
                    // No candidate's key verifies this signature: follow the best-ranked one anyway, once per path, so
                    // the failing path shows where it would have led (BadSignature is reported on this link).
                    Descend(ordered[0], fallback: true, out var dependent, out var limited);
                    pathDependent |= dependent;
                    depthLimited |= limited;
                }
                else
                {
                    pathDependent = true;
                    Evaluate(null, (ChainProblemCode.BadSignature,
                        $"no certificate named '{Certs.DescribeName(current.IssuerDN)}' has a key that verifies this signature", "RFC 5280 §6.1.3(a)(1)"));
                }
            }

            pathDependent |= _exhausted;
            if (!pathDependent && _anchorsReached == reachedBefore)
            {
                var left = depthLimited ? remaining : int.MaxValue;
                _deadEnds[current] = _deadEnds.TryGetValue(current, out var before) ? Math.Max(before, left) : left;
            }

            return false;
        }

        private bool Descend(X509Certificate issuer, bool fallback, out bool pathDependent, out bool depthLimited)
        {
            // The certificate being left for its issuer is an intermediate from here on (unless it is the leaf).
            var current = _path[_path.Count - 1];
            var freeStep = _path.Count > 1 && Certs.IsSelfIssued(current) ? 1 : 0;
            _selfIssuedIntermediates += freeStep;
            _path.Add(issuer);
            _onPath.Add(issuer);
            try
            {
                return Visit(fallback, out pathDependent, out depthLimited);
            }
            finally
            {
                _path.RemoveAt(_path.Count - 1);
                _onPath.Remove(issuer);
                _selfIssuedIntermediates -= freeStep;
            }
        }

        private (ChainProblemCode, string, string) Terminal(X509Certificate current, bool isAnchor, bool selfSigned)
        {
            if (isAnchor)
            {
                return (ChainProblemCode.AnchorNotSelfSigned,
                    "this trust anchor is not a self-signed root and its issuer was not found; give the root as trust, or allow a partial chain",
                    "RFC 5280 §6.1.1(d); openssl -partial_chain");
            }

            if (selfSigned)
            {
                return _path.Count == 1
                    ? (ChainProblemCode.SelfSignedLeaf, "the leaf is self-signed and is not a trust anchor", "RFC 5280 §6.1.1(d)")
                    : (ChainProblemCode.UntrustedRoot, "the path ends at a self-signed root that is not a trust anchor", "RFC 5280 §6.1.1(d)");
            }

            return (ChainProblemCode.IssuerNotFound,
                $"issuer '{Certs.DescribeName(current.IssuerDN)}' was not found among the given certificates and anchors", "RFC 5280 §6.1");
        }

        private bool Evaluate(X509Certificate? anchor, (ChainProblemCode Code, string Rule, string Source)? terminal)
        {
            var path = _path.ToList();
            if (anchor is not null)
            {
                _anchorsReached++;
            }

            var outcome = _validator.Validate(path, anchor);
            if (terminal is { } t)
            {
                outcome = outcome with
                {
                    Problems = [.. outcome.Problems, Findings.Make(request.Files, t.Code, path[path.Count - 1], t.Rule, t.Source)],
                };
            }

            if (_validator.Exhausted)
            {
                _exhausted = true;
            }

            if (_best is null || outcome.Score < _best.Score)
            {
                _best = outcome;
            }

            return outcome.Valid;
        }

        // Signature of subject under issuer's key. Issuers that share a key share the answer, so a pool of many
        // certificates with one key costs one verification per subject.
        private bool SignatureOk(X509Certificate issuer, X509Certificate subject)
        {
            var key = Certs.SpkiKey(issuer);
            if (_byKey.TryGetValue((key, subject), out var known))
            {
                return known;
            }

            if (++_signatureChecks > SignatureBudget)
            {
                _exhausted = true;
                return false;
            }

            var ok = PathValidator.SignatureAcceptable(subject) && signatures.Verifies(issuer, subject);
            _byKey[(key, subject)] = ok;
            return ok;
        }
    }

    /// <summary>An issuer key and a subject certificate, the subject compared as <see cref="CertificateComparer"/> does.</summary>
    private sealed class KeyAndSubject : IEqualityComparer<(string Key, X509Certificate Subject)>
    {
        public static readonly KeyAndSubject Instance = new();

        public bool Equals((string Key, X509Certificate Subject) x, (string Key, X509Certificate Subject) y) =>
            string.Equals(x.Key, y.Key, StringComparison.Ordinal) && CertificateComparer.Instance.Equals(x.Subject, y.Subject);

        public int GetHashCode((string Key, X509Certificate Subject) obj) =>
            (StringComparer.Ordinal.GetHashCode(obj.Key) * 31) ^ CertificateComparer.Instance.GetHashCode(obj.Subject);
    }
}
