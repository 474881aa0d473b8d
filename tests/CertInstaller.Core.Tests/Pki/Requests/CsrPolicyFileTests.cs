using CertInstaller.Core.IO;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Tests.Pki.Requests;

public class CsrPolicyFileTests
{
    [Test]
    public void Parse_WhenEverySetting_AppliesThem()
    {
        var policy = CsrPolicyFile.Parse("""
            { "subject": { "organizationalUnitName": ["Interaction Center", "Servers"], "O": "Example Site" },
              "sans": [ { "type": "dns", "value": "ic1.example.test" }, { "type": "ip", "value": "2001:db8:0::5" } ],
              "minRsaBits": 3072, "minEcBits": 384, "minDigest": "SHA-384", "noSan": "error" }
            """, "csr-policy.json");

        Assert.Multiple(() =>
        {
            Assert.That(policy.Subject["OU"], Is.EqualTo(new[] { "Interaction Center", "Servers" }));
            Assert.That(policy.Subject["O"], Is.EqualTo(new[] { "Example Site" }));
            Assert.That(policy.RequiredSans, Is.EqualTo(new[] { SubjectAltName.Dns("ic1.example.test"), SubjectAltName.Ip("2001:db8::5") }));
            Assert.That((policy.MinRsaBits, policy.MinEcBits, policy.MinDigest, policy.NoSan),
                Is.EqualTo((3072, 384, DigestAlgorithm.Sha384, (Severity?)Severity.Error)));
        });
    }

    [Test]
    public void Parse_WhenNoSanIsOff_DropsTheFinding()
    {
        Assert.That(CsrPolicyFile.Parse("""{ "noSan": "off" }""", "p.json").NoSan, Is.Null);
    }

    [TestCase("{ \"subject\": [", PolicyErrorCode.PolicyNotJson, null)]
    [TestCase("[ { \"minRsaBits\": 2048 } ]", PolicyErrorCode.PolicyNotAnObject, null)]
    [TestCase("""{ "minRsabits": 4096 }""", PolicyErrorCode.PolicySettingUnknown, "minRsabits")]
    [TestCase("""{ "subject": "OU=Servers" }""", PolicyErrorCode.PolicyValueWrongType, "subject")]
    [TestCase("""{ "subject": { "OU": 7 } }""", PolicyErrorCode.PolicyValueWrongType, "subject.OU")]
    [TestCase("""{ "sans": [ "ic1.example.test" ] }""", PolicyErrorCode.PolicyValueWrongType, "sans")]
    [TestCase("""{ "minDigest": 256 }""", PolicyErrorCode.PolicyValueWrongType, "minDigest")]
    [TestCase("""{ "minRsaBits": "4096" }""", PolicyErrorCode.PolicyNumberOutOfRange, "minRsaBits")]
    [TestCase("""{ "minEcBits": 100000 }""", PolicyErrorCode.PolicyNumberOutOfRange, "minEcBits")]
    [TestCase("""{ "minDigest": "SHA-2" }""", PolicyErrorCode.PolicyDigestUnknown, "minDigest")]
    [TestCase("""{ "noSan": "info" }""", PolicyErrorCode.PolicySeverityUnknown, "noSan")]
    [TestCase("""{ "subject": { "Department": "IT" } }""", PolicyErrorCode.PolicySubjectAttributeUnknown, "subject.Department")]
    [TestCase("""{ "sans": [ { "type": "host", "value": "ic1" } ] }""", PolicyErrorCode.PolicySanInvalid, "sans")]
    [TestCase("""{ "sans": [ { "type": "ip", "value": "10.0.0.300" } ] }""", PolicyErrorCode.PolicySanInvalid, "sans")]
    public void Parse_WhenInvalid_ThrowsItsCodeNamingFileAndSetting(string json, PolicyErrorCode code, string? setting)
    {
        var e = Assert.Throws<PolicyException>(() => CsrPolicyFile.Parse(json, "csr-policy.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Code, Is.EqualTo(code));
            Assert.That(e.Setting, Is.EqualTo(setting));
            Assert.That(e.PolicyFile, Is.EqualTo("csr-policy.json"));
            Assert.That(e.Fix, Is.Not.Empty);
        });
    }

    [Test]
    public void Load_WhenFileMissing_ThrowsUnreadableNamingIt()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "missing.json");

        var e = Assert.Throws<PolicyException>(() => CsrPolicyFile.Load(path, new PhysicalFileSystem()))!;

        Assert.That((e.Code, e.PolicyFile), Is.EqualTo((PolicyErrorCode.PolicyUnreadable, path)));
    }

    [Test]
    public void Load_WhenTheFileIsLargerThanTheCap_RefusesIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("csr-policy.json", "{\"minRsaBits\": 2048" + new string(' ', ValidationPolicy.MaxPolicyBytes) + "}");

        var e = Assert.Throws<PolicyException>(() => CsrPolicyFile.Load(path, new PhysicalFileSystem()))!;

        Assert.That(e.Code, Is.EqualTo(PolicyErrorCode.PolicyTooLarge));
    }

    [Test]
    public void Load_WhenValid_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("csr-policy.json", "\uFEFF{ \"minRsaBits\": 4096 } // a comment");

        Assert.That(CsrPolicyFile.Load(path, new PhysicalFileSystem()).MinRsaBits, Is.EqualTo(4096));
    }
}
