using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Creation;
using CertInstaller.Core.Pki.Requests;

namespace CertInstaller.Core.Tests.Pki.Creation;

public class CsrConfigTests
{
    /// <summary>The guide's OpenSSL.cnf shape (one copy, shared with the harness tests).</summary>
    public const string GuideCnf = CertInstaller.Harness.Tests.GuideConfig.Text;

    private static CsrConfig Read(string text, CsrPolicy? policy = null) => CsrConfig.Read(OpenSslConfig.Parse(text), policy ?? CsrPolicy.Default);

    private static CsrFindingCode[] Codes(string text, CsrPolicy? policy = null) => Read(text, policy).Findings.Select(f => f.Code).ToArray();

    [Test]
    public void Read_WhenGuideShape_TakesSubjectInOrderAndEverySan()
    {
        var cfg = Read(GuideCnf);

        Assert.That(SubjectParser.OneLine(cfg.Subject), Is.EqualTo("C = US, O = U.S. Government, OU = DoD, OU = PKI, OU = CONTRACTOR, CN = ic1.example.gov"));
        Assert.That(cfg.Sans, Is.EqualTo(new[] { SubjectAltName.Dns("ic1.example.gov"), SubjectAltName.Dns("ic1"), SubjectAltName.Ip("10.0.0.5"), SubjectAltName.Ip("2001:db8::5") }));
        Assert.That(cfg.Digest, Is.EqualTo(DigestAlgorithm.Sha256));
        Assert.That(cfg.KeyUsage, Is.EqualTo(KeyUsageFlags.NonRepudiation | KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment));
    }

    [Test]
    public void Read_WhenReqExtensionsCommentedOut_ReportsSanNotRequestedOnly()
    {
        Assert.That(Codes(GuideCnf), Is.EqualTo(new[] { CsrFindingCode.ConfigSanNotRequested }));
        Assert.That(Codes(GuideCnf.Replace("# req_extensions", "req_extensions")), Is.Empty);
    }

    [TestCase("IP.1 = 10.0.0.5\n", CsrFindingCode.ConfigNoIp)]
    [TestCase("default_md = sha256", CsrFindingCode.ConfigWeakDigest, "default_md = sha1")]
    [TestCase("default_bits = 2048", CsrFindingCode.ConfigWeakKeySize, "default_bits = 1024")]
    [TestCase("2.organizationalUnitName_default = CONTRACTOR\n", CsrFindingCode.ConfigOuDefaultMissing)]
    [TestCase("distinguished_name = req_distinguished_name", CsrFindingCode.ConfigSectionMissing, "distinguished_name = dn")]
    [TestCase("0.organizationName = Organization", CsrFindingCode.ConfigUnknownAttribute, "0.dnQualifier = q\n0.organizationName = Organization")]
    [TestCase("HOME = .", CsrFindingCode.ConfigSyntax, "this line is not ini")]
    public void Read_WhenPitfall_ReportsItsCode(string replace, CsrFindingCode expected, string with = "")
    {
        var text = GuideCnf.Replace("# req_extensions", "req_extensions").Replace("IP.2 = 2001:db8::5", string.Empty);
        Assert.That(text, Does.Contain(replace));

        Assert.That(Codes(text.Replace(replace, with)), Does.Contain(expected));
    }

    [Test]
    public void Read_WhenOusNumberedOutOfFileOrder_ReportsOutOfOrder()
    {
        var swapped = GuideCnf.Replace("0.organizationalUnitName = Organizational", "9.organizationalUnitName = Organizational")
            .Replace("0.organizationalUnitName_default", "9.organizationalUnitName_default");

        Assert.That(Codes(swapped), Does.Contain(CsrFindingCode.ConfigOuOutOfOrder));
    }

    [TestCase(new[] { "DoD", "PKI", "CONTRACTOR" }, null)]
    [TestCase(new[] { "PKI", "DoD", "CONTRACTOR" }, CsrFindingCode.ConfigOuOutOfOrder)]
    [TestCase(new[] { "DoD", "PKI", "CONTRACTOR", "USN" }, CsrFindingCode.ConfigOuDefaultMissing)]
    public void Read_WhenPolicyNamesOus_ComparesTheDefaultsInOrder(string[] ous, CsrFindingCode? expected)
    {
        var policy = CsrPolicy.Default with { Subject = new Dictionary<string, IReadOnlyList<string>> { ["OU"] = ous } };

        var codes = Codes(GuideCnf.Replace("# req_extensions", "req_extensions"), policy);

        Assert.That(codes, Is.EqualTo(expected is null ? Array.Empty<CsrFindingCode>() : new[] { expected.Value }));
    }

    [Test]
    public void Read_WhenPromptNo_TakesTheValuesDirectly()
    {
        var cfg = Read("[req]\nprompt = no\ndistinguished_name = dn\nreq_extensions = ext\n[dn]\nC = US\n0.OU = b\n1.OU = a\nCN = h\n[ext]\nsubjectAltName = DNS:h, IP:10.1.2.3\n");

        Assert.That(SubjectParser.OneLine(cfg.Subject), Is.EqualTo("C = US, OU = b, OU = a, CN = h"));
        Assert.That(cfg.Sans, Is.EqualTo(new[] { SubjectAltName.Dns("h"), SubjectAltName.Ip("10.1.2.3") }));
        Assert.That(cfg.Findings, Is.Empty);
    }
}
