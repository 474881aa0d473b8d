using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Tests.Pki.Chains.Corpus;

namespace CertInstaller.Core.Tests.Pki.Chains;

/// <summary>Every set of the adversarial corpus gets the verdict and problem code it is named after.</summary>
public class CorpusTests
{
    [TestCaseSource(typeof(AdversarialCorpus), nameof(AdversarialCorpus.Data))]
    public void Build_CorpusCase_GivesExpectedVerdictAndCode(CorpusCase set)
    {
        var result = new ChainBuilder().Build(set.Request());
        var codes = result.Problems.Select(p => p.Code).ToList();

        if (set.Expected is { } expected)
        {
            Assert.That(result.Valid, Is.False, set.Name);
            Assert.That(codes, Does.Contain(expected), string.Join("; ", result.Problems.Select(p => p.Message)));
        }
        else
        {
            Assert.That(result.Valid, Is.True, string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}")));
        }

        var warnings = result.Warnings.Select(p => p.Code).ToList();
        if (set.Warning is { } warning)
        {
            Assert.That(warnings, Does.Contain(warning));
        }
        else
        {
            Assert.That(warnings, Is.Empty, string.Join("; ", result.Warnings.Select(p => p.Message)));
        }
    }

    [Test]
    public void Problems_NameTheCertificateTheRuleAndItsSource()
    {
        var set = AdversarialCorpus.Cases.First(c => c.Name == "fail-critical-authority-key-identifier");

        var problem = new ChainBuilder().Build(set.Request()).Problems.Single();

        Assert.That(problem.Message, Does.Contain("CN = critaki.corpus.test").And.Contain("RFC 5280 §4.2.1.1"));
    }

    [TestCase("1.3.6.1.5.5.7.3.1", false)]
    [TestCase("1.3.6.1.5.5.7.3.2", false)]
    [TestCase("1.3.6.1.5.5.7.3.1,1.3.6.1.5.5.7.3.2", true)]
    public void Build_WhenPurposeIsServerAndClient_NeedsBothEkus(string ekus, bool valid)
    {
        var leaf = Crafter.Issue(Craft.Server("both.corpus.test") with { Eku = ekus.Split(',') }, Crafter.Key("leaf"), AdversarialCorpus.Int);
        var request = new ChainRequest(leaf.Certificate, new CertificatePool([AdversarialCorpus.Int.Certificate]),
            new CertificatePool([AdversarialCorpus.Root.Certificate]), Fixtures.Now) { Purpose = ChainPurpose.ServerAndClient };

        var result = new ChainBuilder().Build(request);

        Assert.That(result.Valid, Is.EqualTo(valid), string.Join("; ", result.Problems.Select(p => p.Message)));
        if (!valid)
        {
            Assert.That(result.Problems.Select(p => p.Code), Does.Contain(ChainProblemCode.PurposeNotAllowed));
        }
    }

    [Test]
    public void Build_WhenOnlyTheIntermediateIsSignedBelowTheMinimum_NamesThatLinkAlone()
    {
        var set = AdversarialCorpus.Cases.First(c => c.Name == "fail-only-sha1-ca");

        var result = new ChainBuilder().Build(set.Request());

        Assert.That(result.Anchor, Is.Not.Null, "the path reaches the anchor; only the link fails");
        Assert.That(result.Problems.Select(p => (p.Code, p.Subject)), Is.EqualTo(new[] { (ChainProblemCode.WeakSignatureDigest, "O = Corpus, CN = Corpus Renewed CA") }));
    }

    [TestCase("pass-renewed-sha256-ca-beside-sha1-ca")]
    [TestCase("pass-cross-signed-sha256-issuer-beside-sha1-issuer")]
    public void Build_WhenASha256CandidateExists_ThePathAvoidsTheSha1Certificate(string name)
    {
        var set = AdversarialCorpus.Cases.First(c => c.Name == name);

        var result = new ChainBuilder().Build(set.Request());

        Assert.That(result.Valid, Is.True);
        Assert.That(result.Path.Select(c => CertInstaller.Core.Pki.Reading.PkiDescriber.DescribeSignature(c.CertificateStructure.SignatureAlgorithm).Digest).Take(result.Path.Count - 1),
            Has.None.EqualTo(CertInstaller.Core.Pki.DigestAlgorithm.Sha1));
    }

    [Test]
    public void Build_WhenPoolOrderDiffers_FindsTheSameValidPath()
    {
        var set = AdversarialCorpus.Cases.First(c => c.Name == "pass-cross-signed-intermediate-backtracks");
        var reversed = set with { Pool = set.Pool.Reverse().ToList() };

        Assert.That(new ChainBuilder().Build(reversed.Request()).Valid, Is.True);
    }

    [Test]
    public void Problems_OfEveryFailingSet_NameCertificateAndSource()
    {
        var problems = AdversarialCorpus.Cases.Where(c => c.Expected is not null)
            .SelectMany(c => new ChainBuilder().Build(c.Request()).Problems.Select(p => (c.Name, p)))
            .ToList();

        Assert.That(problems, Is.Not.Empty);
        foreach (var (name, problem) in problems)
        {
            Assert.That(problem.Message, Does.StartWith($"'{problem.Subject}'"), name);
            Assert.That(problem.Message, Does.Match(@"\[(RFC|BR) [^\]]+\]$"), name);
        }
    }
}
