using CertInstaller.Core.Pki;
using CertInstaller.Samples.Issuing;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Pki.Requests;

public class CsrCheckerTests
{
    private const string Subject = "C=US, O=Example Site, OU=Interaction Center, OU=Servers, CN=ic1.example.test";

    private static CsrDescription Csr(KeySpec? key = null, DigestAlgorithm digest = DigestAlgorithm.Sha256, bool broken = false)
    {
        var csr = CsrFactory.Create(
            new CsrSpec { Subject = Subject, Sans = [SubjectAltName.Dns("ic1.example.test"), SubjectAltName.Ip("2001:db8::5")], Digest = digest },
            KeyCache.Shared.Get(key ?? KeySpec.Rsa2048, "csr-checker/" + key));
        return PkiDescriber.Describe(broken ? CsrFactory.WithBrokenSignature(csr) : csr);
    }

    private static CsrFindingCode[] Codes(CsrDescription csr, CsrPolicy policy) => CsrChecker.Check(csr, policy).Select(f => f.Code).ToArray();

    [Test]
    public void Check_WhenCsrMeetsDefaultPolicy_HasNoFindings()
    {
        Assert.That(Codes(Csr(), CsrPolicy.Default), Is.Empty);
    }

    [Test]
    public void Check_WhenSignatureBroken_ReportsSignatureInvalid()
    {
        Assert.That(Codes(Csr(broken: true), CsrPolicy.Default), Is.EqualTo(new[] { CsrFindingCode.SignatureInvalid }));
    }

    // Issue 23 §4: one severity scale; the policy's noSan is a Severity, and null (policy file "off") reports nothing.
    [TestCase(Severity.Warning, Severity.Warning)]
    [TestCase(Severity.Error, Severity.Error)]
    [TestCase(null, null)]
    public void Check_WhenNoSan_CountsAsThePolicySays(Severity? noSan, Severity? expected)
    {
        var csr = PkiDescriber.Describe(CsrFactory.Create(new CsrSpec { Subject = Subject }, KeyCache.Shared.Get(KeySpec.Rsa2048, "csr-checker/")));

        var findings = CsrChecker.Check(csr, CsrPolicy.Default with { NoSan = noSan }).ToList();

        Assert.That(findings.Select(f => (f.Code, (Severity?)f.Severity)),
            Is.EqualTo(expected is null ? [] : new[] { (CsrFindingCode.NoSan, expected) }));
    }

    [TestCase(1024, 2048, true)]
    [TestCase(2048, 2048, false)]
    [TestCase(2048, 3072, true)]
    public void Check_WhenRsaKeySize_ComparesWithMinimum(int bits, int minimum, bool tooSmall)
    {
        var codes = Codes(Csr(KeySpec.Rsa(bits)), CsrPolicy.Default with { MinRsaBits = minimum });

        Assert.That(codes.Contains(CsrFindingCode.KeyTooSmall), Is.EqualTo(tooSmall));
    }

    [TestCase(DigestAlgorithm.Sha1, true)]
    [TestCase(DigestAlgorithm.Sha384, false)]
    public void Check_WhenDigest_ComparesWithMinimum(DigestAlgorithm digest, bool weak)
    {
        Assert.That(Codes(Csr(KeySpec.EcP256, digest), CsrPolicy.Default).Contains(CsrFindingCode.DigestTooWeak), Is.EqualTo(weak));
    }

    [TestCase("OU", new[] { "Interaction Center", "Servers" }, null)]
    [TestCase("OU", new[] { "Servers", "Interaction Center" }, CsrFindingCode.SubjectAttributeMismatch)]
    [TestCase("OU", new[] { "Interaction Center" }, CsrFindingCode.SubjectAttributeMismatch)]
    [TestCase("L", new[] { "Indianapolis" }, CsrFindingCode.SubjectAttributeMissing)]
    public void Check_WhenSubjectRequired_ComparesValuesInOrder(string type, string[] values, CsrFindingCode? expected)
    {
        var policy = CsrPolicy.Default with { Subject = new Dictionary<string, IReadOnlyList<string>> { [type] = values } };

        Assert.That(Codes(Csr(), policy), Is.EqualTo(expected is null ? Array.Empty<CsrFindingCode>() : new[] { expected.Value }));
    }

    [TestCase("ip", "2001:db8:0:0:0:0:0:5", false)]
    [TestCase("dns", "IC1.EXAMPLE.TEST", false)]
    [TestCase("dns", "ic2.example.test", true)]
    public void Check_WhenSanRequired_MatchesNormalised(string type, string value, bool missing)
    {
        var san = type == "ip" ? SubjectAltName.Ip(value) : SubjectAltName.Dns(value);

        var codes = Codes(Csr(), CsrPolicy.Default with { RequiredSans = [san] });

        Assert.That(codes.Contains(CsrFindingCode.SanMissing), Is.EqualTo(missing));
    }
}
