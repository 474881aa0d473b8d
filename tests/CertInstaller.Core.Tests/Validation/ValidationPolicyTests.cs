using CertInstaller.Core.Codes;
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

    [TestCase("not json", PolicyErrorCode.PolicyNotJson, null)]
    [TestCase("[]", PolicyErrorCode.PolicyNotAnObject, null)]
    [TestCase("\"SHA-256\"", PolicyErrorCode.PolicyNotAnObject, null)]
    [TestCase("""{ "minDigets": "SHA-256" }""", PolicyErrorCode.PolicySettingUnknown, "minDigets")]
    [TestCase("""{ "MinDigest": "SHA-256" }""", PolicyErrorCode.PolicySettingUnknown, "MinDigest")]
    [TestCase("""{ "minDigest": 256 }""", PolicyErrorCode.PolicyValueWrongType, "minDigest")]
    [TestCase("""{ "severities": [] }""", PolicyErrorCode.PolicyValueWrongType, "severities")]
    [TestCase("""{ "minRsaBits": 12 }""", PolicyErrorCode.PolicyNumberOutOfRange, "minRsaBits")]
    [TestCase("""{ "minEcBits": 256.5 }""", PolicyErrorCode.PolicyNumberOutOfRange, "minEcBits")]
    [TestCase("""{ "expiryWarningDays": "30" }""", PolicyErrorCode.PolicyNumberOutOfRange, "expiryWarningDays")]
    [TestCase("""{ "minDigest": "SHA-3" }""", PolicyErrorCode.PolicyDigestUnknown, "minDigest")]
    [TestCase("""{ "failAt": "off" }""", PolicyErrorCode.PolicySeverityUnknown, "failAt")]
    [TestCase("""{ "failAt": "fatal" }""", PolicyErrorCode.PolicySeverityUnknown, "failAt")]
    [TestCase("""{ "severities": { "CI1001": "fatal" } }""", PolicyErrorCode.PolicySeverityUnknown, "CI1001")]
    [TestCase("""{ "severities": { "CI9999": "error" } }""", PolicyErrorCode.PolicyCodeUnknown, "CI9999")]
    [TestCase("""{ "severities": { "NoSuchFinding": "error" } }""", PolicyErrorCode.PolicyCodeUnknown, "NoSuchFinding")]
    public void Parse_WhenInvalid_ThrowsItsCodeNamingFileAndSetting(string json, PolicyErrorCode code, string? setting)
    {
        var e = Assert.Throws<PolicyException>(() => ValidationPolicy.Parse(json, "site-policy.json", ValidationPolicy.Installer))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Code, Is.EqualTo(code));
            Assert.That(e.Setting, Is.EqualTo(setting));
            Assert.That(e.PolicyFile, Is.EqualTo("site-policy.json"));
            Assert.That(e.Fix, Is.Not.Empty);
            Assert.That(e.Message, Does.StartWith(CodeRegistry.Of(code).Text + " " + code + ": policy site-policy.json"));
        });
    }

    [Test]
    public void Load_WhenFileMissing_NamesIt()
    {
        var e = Assert.Throws<PolicyException>(() => ValidationPolicy.Load("/nonexistent/policy.json", ValidationPolicy.Installer))!;

        Assert.That((e.Code, e.PolicyFile), Is.EqualTo((PolicyErrorCode.PolicyUnreadable, "/nonexistent/policy.json")));
    }

    [Test]
    public void Load_WhenTheFileIsLargerThanTheCap_RefusesItNamingTheFile()
    {
        using var dir = new TempDir();
        var path = dir.Write("policy.json", "{\"minRsaBits\": 2048" + new string(' ', ValidationPolicy.MaxPolicyBytes) + "}");

        var e = Assert.Throws<PolicyException>(() => ValidationPolicy.Load(path, ValidationPolicy.Installer))!;

        Assert.That((e.Code, e.PolicyFile), Is.EqualTo((PolicyErrorCode.PolicyTooLarge, path)));
    }

    [Test]
    public void Load_WhenTheFileIsJustUnderTheCap_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("policy.json", "{\"minRsaBits\": 3072" + new string(' ', ValidationPolicy.MaxPolicyBytes - 100) + "}");

        Assert.That(ValidationPolicy.Load(path, ValidationPolicy.Installer).MinRsaBits, Is.EqualTo(3072));
    }
}
