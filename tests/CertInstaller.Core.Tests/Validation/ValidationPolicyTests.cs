using CertInstaller.Core.Pki;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Validation;

public class ValidationPolicyTests
{
    [Test]
    public void Parse_WhenEverySetting_AppliesThem()
    {
        var policy = ValidationPolicy.Parse("""
            { "minDigest": "sha384", "minRsaBits": 3072, "minEcBits": 384, "expiryWarningDays": 90, "failAt": "warning",
              "severities": { "CI3004": "error", "LeftoverBackup": "off" } }
            """, "p.json", ValidationPolicy.Installer);

        Assert.That((policy.MinDigest, policy.MinRsaBits, policy.MinEcBits, policy.ExpiryWarningDays, policy.FailAt),
            Is.EqualTo((DigestAlgorithm.Sha384, 3072, 384, 90, Severity.Warning)));
        Assert.That(policy.SeverityOf(FindingCode.ExpiringSoon), Is.EqualTo(Severity.Error));
        Assert.That(policy.SeverityOf(FindingCode.LeftoverBackup), Is.Null);
    }

    [TestCase("not json", "not valid JSON")]
    [TestCase("[]", "one JSON object")]
    [TestCase("""{ "minDigets": "SHA-256" }""", "unknown setting \"minDigets\"")]
    [TestCase("""{ "minDigest": "SHA-3" }""", "minDigest")]
    [TestCase("""{ "minRsaBits": 12 }""", "minRsaBits")]
    [TestCase("""{ "failAt": "off" }""", "failAt")]
    [TestCase("""{ "severities": { "CI9999": "error" } }""", "unknown code")]
    [TestCase("""{ "severities": { "CI1001": "fatal" } }""", "not one of")]
    public void Parse_WhenInvalid_NamesFileAndSetting(string json, string expected)
    {
        var e = Assert.Throws<PolicyException>(() => ValidationPolicy.Parse(json, "site-policy.json", ValidationPolicy.Installer))!;

        Assert.That(e.Message, Does.Contain("site-policy.json").And.Contain(expected));
    }

    [Test]
    public void Load_WhenFileMissing_NamesIt()
    {
        var e = Assert.Throws<PolicyException>(() => ValidationPolicy.Load("/nonexistent/policy.json", ValidationPolicy.Installer))!;

        Assert.That(e.PolicyFile, Is.EqualTo("/nonexistent/policy.json"));
    }

    [Test]
    public void Load_WhenTheFileIsLargerThanTheCap_RefusesItNamingTheFile()
    {
        using var dir = new TempDir();
        var path = dir.Write("policy.json", "{\"minRsaBits\": 2048" + new string(' ', ValidationPolicy.MaxPolicyBytes) + "}");

        var e = Assert.Throws<PolicyException>(() => ValidationPolicy.Load(path, ValidationPolicy.Installer))!;

        Assert.That(e.PolicyFile, Is.EqualTo(path));
    }

    [Test]
    public void Load_WhenTheFileIsJustUnderTheCap_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("policy.json", "{\"minRsaBits\": 3072" + new string(' ', ValidationPolicy.MaxPolicyBytes - 100) + "}");

        Assert.That(ValidationPolicy.Load(path, ValidationPolicy.Installer).MinRsaBits, Is.EqualTo(3072));
    }
}
