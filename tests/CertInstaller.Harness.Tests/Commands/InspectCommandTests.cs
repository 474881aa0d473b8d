using System.Text.Json;

namespace CertInstaller.Harness.Tests.Commands;

public class InspectCommandTests
{
    private static SampleSite Site => SampleSite.Shared;

    [Test(Description = "inspect-server-cert-to-text")]
    public void Inspect_WhenCertificate_PrintsSubjectDigestAndFingerprint()
    {
        var run = HarnessRun.Of("inspect", Site["server.pem"]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain("subject:        O = Interactive Intelligence, OU = IC, OU = Server, CN = ic1.example.test")
            .And.Contain("sha256WithRSAEncryption (SHA-256)").And.Contain("dns:ic1.example.test"));
    }

    [Test(Description = "inspect-mixed-files-to-json")]
    public void Inspect_WhenMixedFilesAsJson_PrintsOneElementPerObjectInFileOrder()
    {
        var run = HarnessRun.Of("inspect", "--json", "--password", SampleSite.Password,
            Site["server.pem"], Site["server-key.p8"], Site["good.csr"], Site["server.pfx"], Site["chain.p7b"]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        var items = run.Json.EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("kind").GetString()), Is.EqualTo(new[] { "certificate", "privateKey", "csr", "pkcs12", "pkcs7" }));
        var cert = items[0];
        Assert.That(cert.GetProperty("subject").GetString(), Does.EndWith("CN = ic1.example.test"));
        Assert.That(cert.GetProperty("sans")[0].GetProperty("type").GetString(), Is.EqualTo("dns"));
        Assert.That(cert.GetProperty("publicKey").GetProperty("algorithm").GetString(), Is.EqualTo("RSA"));
        Assert.That(cert.GetProperty("publicKey").GetProperty("bits").GetInt32(), Is.EqualTo(2048));
        Assert.That(cert.GetProperty("signature").GetProperty("algorithm").GetString(), Is.EqualTo("sha256WithRSAEncryption"));
        Assert.That(cert.GetProperty("signature").GetProperty("digest").GetString(), Is.EqualTo("SHA-256"));
        Assert.That(cert.GetProperty("notAfter").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(cert.GetProperty("fingerprints").GetProperty("sha256").GetString(), Does.Match("^[0-9a-f]{64}$"));
        Assert.That(items[1].GetProperty("matchingCertificates").GetArrayLength(), Is.EqualTo(2), "server.pem and the certificate inside server.pfx");
        Assert.That(items[2].GetProperty("signatureValid").GetBoolean(), Is.True);
        Assert.That(items[3].GetProperty("keyMatchesCertificate").GetBoolean(), Is.True);
        Assert.That(items[4].GetProperty("certificates").GetArrayLength(), Is.EqualTo(2));
    }

    [TestCase("--password", TestName = "inspect-pfx-password-option-to-text")]
    [TestCase("--password-file", TestName = "inspect-pfx-password-file-to-text")]
    [TestCase("env", TestName = "inspect-pfx-password-env-to-text")]
    public void Inspect_WhenPasswordGivenAnyWay_OpensPkcs12WithoutPrintingIt(string how)
    {
        var args = how switch
        {
            "--password" => new[] { "inspect", "--password", SampleSite.Password, Site["server.pfx"] },
            "--password-file" => ["inspect", "--password-file", Site["password.txt"], Site["server.pfx"]],
            _ => ["inspect", Site["server.pfx"]],
        };
        Environment.SetEnvironmentVariable("CERTHARNESS_PASSWORD", how == "env" ? SampleSite.Password : null);
        try
        {
            var run = HarnessRun.Of(args);

            Assert.That(run.Code, Is.Zero, run.ToString());
            Assert.That(run.Stdout, Does.Contain("pkcs12").And.Not.Contain(SampleSite.Password));
            Assert.That(run.Stderr, Does.Not.Contain(SampleSite.Password));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CERTHARNESS_PASSWORD", null);
        }
    }

    [TestCase("empty.cer", "empty", TestName = "inspect-empty-to-text")]
    [TestCase("truncated.cer", "truncated", TestName = "inspect-truncated-der-to-text")]
    [TestCase("random.cer", "not a PEM file", TestName = "inspect-random-bytes-to-text")]
    [TestCase("wrong-label.pem", "unsupported PEM label 'X509 CRL'", TestName = "inspect-wrong-pem-label-to-text")]
    [TestCase("absurd-length.cer", "DER", TestName = "inspect-absurd-length-to-text")]
    [TestCase("server.pfx", "password does not decrypt", TestName = "inspect-wrong-password-to-text")]
    [TestCase("missing.cer", "cannot read the file", TestName = "inspect-missing-file-to-text")]
    public void Inspect_WhenHostileInput_ExitsTwoNamingTheFileWithoutStackTrace(string name, string problem)
    {
        var run = HarnessRun.Of("inspect", "--password", "wrong", Site[name]);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(Site[name] + ": ").And.Contain(problem));
        Assert.That(run.Stderr + run.Stdout, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test(Description = "inspect-encrypted-without-password-to-text")]
    public void Inspect_WhenPasswordMissing_SaysHowToGiveIt()
    {
        var run = HarnessRun.Of("inspect", Site["server.pfx"]);

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("--password-file").And.Contain("CERTHARNESS_PASSWORD"));
    }

    [TestCase("", TestName = "no-verb-to-text")]
    [TestCase("frobnicate", TestName = "unknown-verb-to-text")]
    [TestCase("inspect", TestName = "inspect-no-files-to-text")]
    [TestCase("inspect --bogus x.cer", TestName = "inspect-unknown-option-to-text")]
    [TestCase("digests /nonexistent-dir", TestName = "digests-missing-dir-to-text")]
    public void Run_WhenBadUsage_ExitsTwo(string commandLine)
    {
        var run = HarnessRun.Of(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Is.Not.Empty);
    }

    [Test]
    public void Json_WhenSerialized_UsesDocumentedPropertyNames()
    {
        var run = HarnessRun.Of("inspect", "--json", Site["good.csr"]);

        var names = run.Json[0].EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(names, Is.SupersetOf(new[] { "kind", "subject", "sans", "publicKey", "signature", "signatureValid", "fingerprints" }));
        Assert.That(run.Json[0].GetProperty("sans")[1].GetProperty("type").GetString(), Is.EqualTo("ip"));
        Assert.That(run.Json[0].ValueKind, Is.EqualTo(JsonValueKind.Object));
    }
}
