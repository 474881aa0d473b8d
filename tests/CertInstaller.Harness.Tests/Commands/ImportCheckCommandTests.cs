namespace CertInstaller.Harness.Tests.Commands;

/// <summary>certharness judges what openssl makes: certificates signed by an openssl CA from certharness's and openssl's CSRs.</summary>
public class ImportCheckCommandTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void MakeCaAndRequest()
    {
        _dir = new TempDir("ci-import-");
        Ok(OpenSsl.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("ca.key"), "-out", P("ca.pem"),
            "-subj", "/CN=Import Test CA", "-days", "3", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        var run = HarnessRun.Of("csr", "create", "--subject", "/C=US/O=U.S. Government/OU=DoD/OU=PKI/OU=CONTRACTOR/CN=ic1.example.gov",
            "--dns", "ic1.example.gov", "--ip", "10.0.0.5", "--ip", "2001:db8::5", "--key-type", "ec:P-256", "--out-key", P("ic1.key"), "--out-csr", P("ic1.csr"));
        Assert.That(run.Code, Is.Zero, run.ToString());
    }

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private string P(string name) => Path.Combine(_dir.Path, name);

    private static void Ok((int ExitCode, string Output) run) => Assert.That(run.ExitCode, Is.Zero, run.Output);

    private void Sign(string csr, string output, string? extensions, string digest = "-sha256")
    {
        var args = new List<string> { "x509", "-req", digest, "-in", csr, "-CA", P("ca.pem"), "-CAkey", P("ca.key"), "-CAcreateserial", "-days", "2", "-out", output };
        if (extensions is null)
        {
            args.AddRange(["-copy_extensions", "copy"]);
        }
        else
        {
            File.WriteAllText(P("ext.cnf"), extensions);
            args.AddRange(["-extfile", P("ext.cnf")]);
        }

        Ok(OpenSsl.Run([.. args]));
    }

    [Test(Description = "import-check-openssl-signed-to-json")]
    public void ImportCheck_WhenOpensslSignedTheCsrAsAsked_EveryCheckPasses()
    {
        Sign(P("ic1.csr"), P("ic1.pem"), null);

        var run = HarnessRun.Of("import-check", "--cert", P("ic1.pem"), "--csr", P("ic1.csr"), "--key", P("ic1.key"), "--trust", P("ca.pem"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("ok").GetBoolean(), Is.True);
        var checks = run.Json.GetProperty("checks").EnumerateArray().ToList();
        Assert.That(checks.Select(c => c.GetProperty("check").GetString()), Is.EqualTo(new[] { "publicKey", "subject", "sans", "privateKey", "chain", "eku", "keyUsage", "digest" }));
        Assert.That(checks.Select(c => c.GetProperty("result").GetString()), Has.All.EqualTo("ok"));
    }

    [Test(Description = "import-check-openssl-sha1-to-json")]
    public void ImportCheck_WhenTheCaSignedWithSha1_FailsTheDigestCheckAsValidateWould()
    {
        Sign(P("ic1.csr"), P("ic1.pem"), null, "-sha1");

        var run = HarnessRun.Of("import-check", "--cert", P("ic1.pem"), "--csr", P("ic1.csr"), "--key", P("ic1.key"), "--trust", P("ca.pem"), "--json");

        Assert.That(OpenSsl.Run("x509", "-in", P("ic1.pem"), "-noout", "-text").Output, Does.Contain("ecdsa-with-SHA1"));
        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        var failed = run.Json.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("result").GetString() == "error")
            .Select(c => (c.GetProperty("check").GetString(), c.GetProperty("code").GetString()));
        Assert.That(failed, Is.EqualTo(new[] { ("digest", "DigestTooWeak") }));
    }

    [Test(Description = "import-check-openssl-dropped-san-to-json")]
    public void ImportCheck_WhenOpensslDroppedTheIps_ReportsSanDroppedAndEkuMissing()
    {
        Sign(P("ic1.csr"), P("ic1.pem"), "subjectAltName=DNS:ic1.example.gov\nextendedKeyUsage=serverAuth\n");

        var run = HarnessRun.Of("import-check", "--cert", P("ic1.pem"), "--csr", P("ic1.csr"), "--trust", P("ca.pem"), "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        var codes = run.Json.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("result").GetString() == "error")
            .Select(c => c.GetProperty("code").GetString());
        Assert.That(codes, Is.EquivalentTo(new[] { "SanDropped", "EkuMissing" }));
    }

    [Test(Description = "import-check-openssl-csr-to-text")]
    public void ImportCheck_WhenTheCertificateAnswersAnotherCsr_ReportsTheKeys()
    {
        Ok(OpenSsl.Run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("other.key"), "-out", P("other.csr"),
            "-subj", "/C=US/O=U.S. Government/OU=DoD/OU=PKI/OU=CONTRACTOR/CN=ic1.example.gov"));
        Sign(P("other.csr"), P("other.pem"), "subjectAltName=DNS:ic1.example.gov,IP:10.0.0.5,IP:2001:db8::5\nextendedKeyUsage=serverAuth,clientAuth\n");

        var run = HarnessRun.Of("import-check", "--cert", P("other.pem"), "--csr", P("ic1.csr"), "--key", P("ic1.key"), "--trust", P("ca.pem"));

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Does.Contain("[CertificateKeyNotCsrKey]").And.Contain("[CertificateKeyMismatch]").And.Not.Contain("[SanDropped]"));
    }

    [Test(Description = "import-check-untrusted-to-text")]
    public void ImportCheck_WhenTrustIsAnotherCa_ReportsChainInvalid()
    {
        Sign(P("ic1.csr"), P("ic1.pem"), null);
        Ok(OpenSsl.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("o.key"), "-out", P("other-ca.pem"), "-subj", "/CN=Other CA", "-days", "3"));

        var run = HarnessRun.Of("import-check", "--cert", P("ic1.pem"), "--csr", P("ic1.csr"), "--trust", P("other-ca.pem"));

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Does.Contain("[ChainInvalid]"));
    }

    [Test(Description = "import-check-not-a-csr-to-text")]
    public void ImportCheck_WhenCsrFileHoldsNoCsr_ExitsTwo()
    {
        var run = HarnessRun.Of("import-check", "--cert", P("ca.pem"), "--csr", P("ca.pem"));

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(P("ca.pem")).And.Contain("no certificate signing request"));
    }
}
