namespace CertInstaller.Harness.Tests.Commands;

public class CsrCommandTests
{
    private static SampleSite Site => SampleSite.Shared;

    [Test(Description = "csr-good-to-json")]
    public void Csr_WhenRequestMeetsPolicy_ExitsZeroWithSignatureValid()
    {
        var run = HarnessRun.Of("csr", Site["good.csr"], "--expect-dns", "ic1.example.test", "--expect-ip", "10.0.0.5", "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(run.Json.GetProperty("csr").GetProperty("signatureValid").GetBoolean(), Is.True);
        Assert.That(run.Json.GetProperty("csr").GetProperty("kind").GetString(), Is.EqualTo("csr"));
    }

    [TestCase("broken-signature.csr", "SignatureInvalid", TestName = "csr-broken-signature-to-json")]
    [TestCase("sha1.csr", "DigestTooWeak", TestName = "csr-sha1-to-json")]
    [TestCase("small-key.csr", "KeyTooSmall", TestName = "csr-small-key-to-json")]
    public void Csr_WhenDefective_ExitsOneWithCode(string file, string code)
    {
        var run = HarnessRun.Of("csr", Site[file], "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Does.Contain(code));
    }

    [TestCase("--expect-dns", "other.example.test", TestName = "csr-missing-dns-to-text")]
    [TestCase("--expect-ip", "2001:db8::5", TestName = "csr-missing-ip-to-text")]
    public void Csr_WhenExpectedSanMissing_ExitsOneWithSanMissing(string option, string value)
    {
        var run = HarnessRun.Of("csr", Site["good.csr"], option, value);

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Does.Contain("[SanMissing]").And.Contain(value));
    }

    [TestCase("""{"subject": {"OU": ["Interaction Center", "Servers"], "O": "Example Site"}}""", 0, null, TestName = "csr-policy-ous-in-order-to-text")]
    [TestCase("""{"subject": {"OU": ["Servers", "Interaction Center"]}}""", 1, null, TestName = "csr-policy-ous-swapped-to-text")]
    [TestCase("""{"subject": {"L": ["Indianapolis"]}}""", 1, null, TestName = "csr-policy-missing-locality-to-text")]
    [TestCase("""{"minRsaBits": 4096}""", 1, null, TestName = "csr-policy-min-rsa-4096-to-text")]
    [TestCase("""{"subject": [}""", 2, "CI14003", TestName = "csr-policy-invalid-json-to-text")]
    [TestCase("""{"minRsabits": 4096}""", 2, "CI14005", TestName = "csr-policy-unknown-setting-to-text")]
    [TestCase("""{"minRsaBits": "4096"}""", 2, "CI14007", TestName = "csr-policy-quoted-number-to-text")]
    [TestCase("""{"subject": {"Department": "IT"}}""", 2, "CI14011", TestName = "csr-policy-unknown-attribute-to-text")]
    [TestCase("""{"sans": [{"type": "host", "value": "ic1"}]}""", 2, "CI14012", TestName = "csr-policy-unknown-san-type-to-text")]
    [TestCase("""{"noSan": "info"}""", 2, "CI14009", TestName = "csr-policy-bad-nosan-to-text")]
    public void Csr_WhenPolicyFileGiven_JudgesSubjectInOrder(string policy, int expected, string? code)
    {
        var path = Path.Combine(Site.Root, $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, policy);

        var run = HarnessRun.Of("csr", Site["good.csr"], "--policy", path);

        Assert.That(run.Code, Is.EqualTo(expected), run.ToString());
        Assert.That(run.ErrorCode, Is.EqualTo(code), run.ToString());
        if (expected == 2)
        {
            Assert.That(run.Stderr, Does.Contain(path));
        }
    }

    [Test(Description = "csr-certificate-instead-to-text")]
    public void Csr_WhenFileHoldsNoCsr_ExitsTwo()
    {
        var run = HarnessRun.Of("csr", Site["server.pem"]);

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain(Site["server.pem"]).And.Contain("no certificate signing request"));
    }
}
