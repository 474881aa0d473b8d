using System.Diagnostics;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Tests.Pki.Chains.Corpus;

// Prints the time of one chain build per crafted pool (best and worst of RUNS, each with a fresh signature cache),
// the verdict, the codes and the work done. Usage: bench/chains-pathological.sh [RUNS]
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var scenarios = new (string Name, Func<ChainRequest> Make)[]
{
    ("1,000 same-subject CAs, distinct keys, leaf without AKI (signature budget)", () => PathologicalPools.SameSubject(1000, distinctKeys: true)),
    ("1,000 same-subject CAs, distinct keys, leaf with AKI", () => PathologicalPools.SameSubject(1000, distinctKeys: true, leafAki: true)),
    ("1,000 same-subject CAs, one decoy key, real issuer tried last", () => PathologicalPools.SameSubject(1000, distinctKeys: false)),
    ("1,000 same-subject CAs, none issued the leaf", () => PathologicalPools.SameSubject(1000, distinctKeys: true, withRealIssuer: false)),
    ("mesh 6 layers x 8 (262,144 paths), untrusted top", () => PathologicalPools.Mesh(6, 8, trustedTop: false, expired: false)),
    ("mesh 6 layers x 8, every path expired (budget)", () => PathologicalPools.Mesh(6, 8, trustedTop: true, expired: true)),
    ("mesh 6 layers x 8, valid", () => PathologicalPools.Mesh(6, 8, trustedTop: true, expired: false)),
    ("name constraints: 2,000 SANs under 2,000 subtrees", () => PathologicalPools.NameConstraintBlowUp(2000, 2000)),
    ("name constraints: 1,000 SANs under 1,000 subtrees (within the bound)", () => PathologicalPools.NameConstraintBlowUp(1000, 1000)),
    ("name constraints: 8 failing paths of 1,000 SANs x 1,000 subtrees (build bound)", () => PathologicalPools.NameConstraintBlowUp(1000, 1000, copies: 8)),
};

var worst = 0.0;
foreach (var (name, make) in scenarios)
{
    var setup = Stopwatch.StartNew();
    var request = make();
    var built = setup.Elapsed.TotalMilliseconds;
    var times = new List<double>();
    ChainResult? result = null;
    var builder = new ChainBuilder();
    for (var i = 0; i < runs; i++)
    {
        builder = new ChainBuilder();
        var clock = Stopwatch.StartNew();
        result = builder.Build(request);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    worst = Math.Max(worst, times.Max());
    var codes = string.Join(",", result!.Problems.Select(p => p.Code).Distinct());
    Console.WriteLine($"{name}: best {times.Min(),8:F1} ms, worst {times.Max(),8:F1} ms; {(result.Valid ? "VALID" : "INVALID")} {codes}; "
        + $"{result.NodesVisited} nodes, {builder.Signatures.Verifications} signature verifications (pool built in {built:F0} ms)");
}

Console.WriteLine($"worst case over all pools: {worst:F1} ms");
