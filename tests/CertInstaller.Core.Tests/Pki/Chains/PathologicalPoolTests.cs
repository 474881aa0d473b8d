using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Tests.Pki.Chains.Corpus;

namespace CertInstaller.Core.Tests.Pki.Chains;

/// <summary>Crafted pools end with the right verdict and code, within the search bounds (times: bench/chains-pathological.sh).</summary>
public class PathologicalPoolTests
{
    private static string Describe(ChainResult r) => string.Join("; ", r.Problems.Select(p => $"{p.Code}: {p.Message}"));

    [Test]
    public void Build_WhenThousandSameSubjectCasAndLeafHasAki_TriesTheMatchingKeyFirst()
    {
        var builder = new ChainBuilder();

        var result = builder.Build(PathologicalPools.SameSubject(1000, distinctKeys: true, leafAki: true));

        Assert.That(result.Valid, Is.True, Describe(result));
        Assert.That(builder.Signatures.Verifications, Is.EqualTo(2));
    }

    [Test]
    public void Build_WhenThousandSameSubjectCasShareOneDecoyKey_VerifiesThatKeyOnce()
    {
        var builder = new ChainBuilder();

        var result = builder.Build(PathologicalPools.SameSubject(1000, distinctKeys: false));

        Assert.That(result.Valid, Is.True, Describe(result));
        Assert.That(builder.Signatures.Verifications, Is.LessThanOrEqualTo(3));
    }

    [TestCase(true, TestName = "Build_WhenThousandSameSubjectCasWithoutAkiAndRealIssuerLast_StopsAtTheSignatureBudget")]
    [TestCase(false, TestName = "Build_WhenThousandSameSubjectCasAndNoneIssuedTheLeaf_StopsAtTheSignatureBudget")]
    public void Build_WhenThousandDistinctKeySameSubjectCas_StopsAtTheSignatureBudget(bool withRealIssuer)
    {
        var builder = new ChainBuilder();

        var result = builder.Build(PathologicalPools.SameSubject(1000, distinctKeys: true, withRealIssuer));

        Assert.That(result.Valid, Is.False);
        Assert.That(result.Problems.Select(p => p.Code), Does.Contain(ChainProblemCode.SearchBudgetExceeded), Describe(result));
        Assert.That(builder.Signatures.Verifications, Is.LessThanOrEqualTo(ChainBuilder.SignatureBudget));
    }

    [Test]
    public void Build_WhenMeshEndsAtUntrustedRoot_ReportsUntrustedRootWithoutExhaustingTheBudget()
    {
        var result = new ChainBuilder().Build(PathologicalPools.Mesh(layers: 6, width: 8, trustedTop: false, expired: false));

        Assert.That(result.Problems.Select(p => p.Code), Is.EqualTo(new[] { ChainProblemCode.UntrustedRoot }), Describe(result));
        Assert.That(result.NodesVisited, Is.LessThan(ChainBuilder.NodeBudget));
    }

    [Test]
    public void Build_WhenEveryMeshPathFails_StopsAtTheBudgetWithTheBestFailingPath()
    {
        var result = new ChainBuilder().Build(PathologicalPools.Mesh(layers: 6, width: 8, trustedTop: true, expired: true));

        Assert.That(result.Valid, Is.False);
        Assert.That(result.Problems.Select(p => p.Code), Does.Contain(ChainProblemCode.SearchBudgetExceeded).And.Contain(ChainProblemCode.Expired), Describe(result));
        Assert.That(result.Anchor, Is.EqualTo(PathologicalPools.Root.Certificate));
    }

    [Test]
    public void Build_WhenMeshHasOneValidPath_FindsIt()
    {
        var result = new ChainBuilder().Build(PathologicalPools.Mesh(layers: 6, width: 8, trustedTop: true, expired: false));

        Assert.That(result.Valid, Is.True, Describe(result));
        Assert.That(result.Path, Has.Count.EqualTo(8));
    }

    [Test]
    public void Build_WhenThousandsOfNamesUnderThousandsOfConstraints_FailsWithItsOwnCode()
    {
        var result = new ChainBuilder().Build(PathologicalPools.NameConstraintBlowUp(2000, 2000));

        Assert.That(result.Problems.Select(p => p.Code), Is.EqualTo(new[] { ChainProblemCode.NameConstraintsTooComplex }), Describe(result));
    }

    [Test]
    public void Build_WhenThousandNamesUnderThousandConstraints_ChecksThemAll()
    {
        var result = new ChainBuilder().Build(PathologicalPools.NameConstraintBlowUp(1000, 1000));

        Assert.That(result.Valid, Is.True, Describe(result));
    }

    [Test]
    public void Build_WhenManyCandidatePathsEachNeedMillionNameComparisons_StopsAtTheBuildBound()
    {
        var result = new ChainBuilder().Build(PathologicalPools.NameConstraintBlowUp(1000, 1000, copies: 8));

        Assert.That(result.Valid, Is.False);
        Assert.That(result.Problems.Select(p => p.Code), Does.Contain(ChainProblemCode.SearchBudgetExceeded).And.Contain(ChainProblemCode.Expired), Describe(result));
    }
}
