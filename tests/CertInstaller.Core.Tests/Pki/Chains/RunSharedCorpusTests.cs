using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Tests.Pki.Chains.Corpus;

namespace CertInstaller.Core.Tests.Pki.Chains;

/// <summary>One signature cache for a whole run, used from many threads, gives each corpus case the verdict a fresh
/// builder gives it alone.</summary>
public class RunSharedCorpusTests
{
    [Test]
    public void Build_WholeCorpusInParallelWithOneRunCache_GivesTheSequentialVerdicts()
    {
        static (bool Valid, string Codes) Verdict(ChainResult r) =>
            (r.Valid, string.Join(",", r.Problems.Select(p => p.Code).OrderBy(c => c)));
        var cases = AdversarialCorpus.Cases;
        var sequential = cases.Select(c => Verdict(new ChainBuilder().Build(c.Request()))).ToList();
        var run = new RunCache();
        var shared = new ChainBuilder(run.Signatures);

        // Twice over, in parallel: the second pass is answered from the cache.
        var parallel = cases.Concat(cases).AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .Select(c => Verdict(shared.Build(c.Request()))).ToList();

        Assert.That(parallel.Take(cases.Count), Is.EqualTo(sequential));
        Assert.That(parallel.Skip(cases.Count), Is.EqualTo(sequential));
        Assert.That(run.Signatures.Verifications, Is.GreaterThan(0));
    }
}
