namespace CertInstaller.Harness.Tests.Commands;

public class CsrCreateCommandTests
{
    private const string Subject = "/C=US/O=U.S. Government/OU=DoD/OU=PKI/OU=CONTRACTOR/CN=ic1.example.gov";

    private static readonly string Cnf = GuideConfig.Text;

    private TempDir _dir = null!;

    [SetUp]
    public void MakeDir()
    {
        _dir = new TempDir("ci-csr-create-");
    }

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private string P(string name) => Path.Combine(_dir.Path, name);

    [Test(Description = "csr-create-subject-sans-to-json")]
    public void Create_WhenSubjectAndSans_WritesPrivateKeyAndCsrKeepingOrder()
    {
        var run = HarnessRun.Of("csr", "create", "--subject", Subject, "--dns", "ic1.example.gov", "--ip", "10.0.0.5", "--ip", "2001:db8::5",
            "--out-key", P("ic1.key"), "--out-csr", P("ic1.csr"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("written").GetBoolean(), Is.True);
        Assert.That(run.Json.GetProperty("request").GetProperty("subject").GetString(),
            Is.EqualTo("C = US, O = U.S. Government, OU = DoD, OU = PKI, OU = CONTRACTOR, CN = ic1.example.gov"));
        Assert.That(run.Json.GetProperty("request").GetProperty("sans").EnumerateArray().Select(s => s.GetProperty("value").GetString()),
            Is.EqualTo(new[] { "ic1.example.gov", "10.0.0.5", "2001:db8::5" }));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(P("ic1.key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        Assert.That(run.Json.GetProperty("warnings").GetArrayLength(), Is.Zero);
        var check = HarnessRun.Of("csr", P("ic1.csr"), "--key", P("ic1.key"), "--expect-ip", "2001:db8::5");
        Assert.That(check.Code, Is.Zero, check.ToString());
    }

    [Test(Description = "csr-create-openssl-verifies-to-text")]
    public void Create_WhenOpensslReadsTheResult_ItVerifiesAndTheKeyMatches()
    {
        var run = HarnessRun.Of("csr", "create", "--subject", "C = US, O = Example, CN = ic1.example.test", "--dns", "ic1.example.test", "--key-type", "ec:P-384",
            "--digest", "SHA-384", "--out-key", P("k.pem"), "--out-csr", P("r.csr"));

        Assert.That(run.Code, Is.Zero, run.ToString());
        var verify = OpenSsl.Run("req", "-in", P("r.csr"), "-verify", "-noout", "-text");
        Assert.That(verify.ExitCode, Is.Zero, verify.Output);
        Assert.That(verify.Output, Does.Contain("verify OK").And.Contain("ecdsa-with-SHA384").And.Contain("NIST CURVE: P-384"));
        Assert.That(OpenSsl.Run("pkey", "-in", P("k.pem"), "-pubout").Output, Is.EqualTo(OpenSsl.Run("req", "-in", P("r.csr"), "-noout", "-pubkey").Output));
    }

    [Test(Description = "csr-create-reuse-key-to-json")]
    public void Create_WhenKeyReused_TheBackupServersCsrHasThePrimarysKey()
    {
        Assert.That(HarnessRun.Of("csr", "create", "--subject", "/CN=ic1", "--dns", "ic1", "--out-key", P("primary.key"), "--out-csr", P("ic1.csr")).Code, Is.Zero);

        var run = HarnessRun.Of("csr", "create", "--subject", "/CN=ic2", "--dns", "ic2", "--key", P("primary.key"), "--out-csr", P("ic2.csr"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("keyReused").GetBoolean(), Is.True);
        Assert.That(Directory.GetFiles(_dir.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "primary.key", "ic1.csr", "ic2.csr" }));
        Assert.That(HarnessRun.Of("csr", P("ic2.csr"), "--key", P("primary.key")).Code, Is.Zero);
    }

    [Test(Description = "csr-create-existing-file-to-text")]
    public void Create_WhenOutputExists_NeverOverwritesAndWritesNothing()
    {
        File.WriteAllText(P("ic1.csr"), "keep me");

        var run = HarnessRun.Of("csr", "create", "--subject", "/CN=h", "--out-key", P("ic1.key"), "--out-csr", P("ic1.csr"));

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(P("ic1.csr")).And.Contain("never overwrites"));
        Assert.That(File.ReadAllText(P("ic1.csr")), Is.EqualTo("keep me"));
        Assert.That(File.Exists(P("ic1.key")), Is.False);
    }

    [Test(Description = "csr-create-policy-fails-to-json")]
    public void Create_WhenResultFailsThePolicy_WritesNothing()
    {
        var policy = P("policy.json");
        File.WriteAllText(policy, """{"subject": {"OU": ["PKI", "DoD"]}, "noSan": "error"}""");

        var run = HarnessRun.Of("csr", "create", "--subject", Subject, "--policy", policy, "--out-key", P("k"), "--out-csr", P("c"), "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("written").GetBoolean(), Is.False);
        Assert.That(run.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()),
            Is.EquivalentTo(new[] { "SubjectAttributeMismatch", "NoSan" }));
        Assert.That(Directory.GetFiles(_dir.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "policy.json" }));
    }

    [TestCase("--subject", "/C=US/XX=1", TestName = "csr-create-unknown-attribute-to-text")]
    [TestCase("--key-type", "rsa:1024", TestName = "csr-create-bad-key-type-to-text")]
    [TestCase("--ip", "10.0.0.999", TestName = "csr-create-bad-ip-to-text")]
    public void Create_WhenBadValue_ExitsTwoAndWritesNothing(string option, string value)
    {
        var args = new List<string> { "csr", "create", "--subject", "/CN=h", "--out-key", P("k"), "--out-csr", P("c") };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = HarnessRun.Of([.. args]);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(Directory.GetFiles(_dir.Path), Is.Empty);
    }

    [Test(Description = "csr-create-config-to-json")]
    public void Create_WhenConfigGiven_TakesItsDefaultsAndSansAndWarnsOfThePitfall()
    {
        File.WriteAllText(P("OpenSSL.cnf"), Cnf);

        var run = HarnessRun.Of("csr", "create", "--config", P("OpenSSL.cnf"), "--ip", "10.0.0.6", "--out-key", P("k"), "--out-csr", P("c"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("request").GetProperty("subject").GetString(), Does.StartWith("C = US, O = U.S. Government, OU = DoD, OU = PKI, OU = CONTRACTOR"));
        Assert.That(run.Json.GetProperty("request").GetProperty("sans").GetArrayLength(), Is.EqualTo(5), "four from [alt_names], one from --ip");
        Assert.That(run.Json.GetProperty("warnings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "ConfigSanNotRequested" }));
    }

    [Test(Description = "csr-lint-config-guide-to-json")]
    public void LintConfig_WhenGuideExample_ReportsTheCommentedOutReqExtensions()
    {
        File.WriteAllText(P("OpenSSL.cnf"), Cnf);
        File.WriteAllText(P("fixed.cnf"), Cnf.Replace("# req_extensions", "req_extensions"));

        var run = HarnessRun.Of("csr", "lint-config", P("OpenSSL.cnf"), "--json");
        var fixedRun = HarnessRun.Of("csr", "lint-config", P("fixed.cnf"));

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "ConfigSanNotRequested" }));
        Assert.That(fixedRun.Code, Is.Zero, fixedRun.ToString());
    }

    // Issue 26: the guide's own cnf gives commonName a prompt and no default; openssl req would ask for it.
    private static readonly string NoCnDefault = Cnf.Replace("commonName_default = ic1.example.gov\n", "");

    [Test(Description = "csr-create-config-cn-prompt-to-text")]
    public void Create_WhenConfigFieldHasAPromptAndNoDefault_RefusesNamingItUnlessSubjectGiven()
    {
        Assert.That(NoCnDefault, Does.Not.Contain("commonName_default"));
        File.WriteAllText(P("OpenSSL.cnf"), NoCnDefault);

        var refused = HarnessRun.Of("csr", "create", "--config", P("OpenSSL.cnf"), "--out-key", P("k"), "--out-csr", P("c"));
        var given = HarnessRun.Of("csr", "create", "--config", P("OpenSSL.cnf"), "--subject", Subject, "--out-key", P("k2"), "--out-csr", P("c2"));

        Assert.That(refused.Code, Is.EqualTo(2), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("commonName").And.Contain("--subject"));
        Assert.That(File.Exists(P("k")) || File.Exists(P("c")), Is.False, "nothing written");
        Assert.That(given.Code, Is.Zero, given.ToString());
    }

    [Test(Description = "csr-lint-config-cn-prompt-to-json")]
    public void LintConfig_WhenCommonNameHasNoDefault_WarnsOfIt()
    {
        File.WriteAllText(P("OpenSSL.cnf"), NoCnDefault.Replace("# req_extensions", "req_extensions"));

        var run = HarnessRun.Of("csr", "lint-config", P("OpenSSL.cnf"), "--json");
        var text = HarnessRun.Of("csr", "lint-config", P("OpenSSL.cnf"));

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "ConfigFieldNoDefault" }));
        Assert.That(text.Stdout.Split('\n')[0], Does.Not.EndWith(": OpenSSL.cnf"), "the header read like a second file name");
    }

    [Test(Description = "csr-openssl-no-cn-to-json")]
    public void Csr_WhenOpenSslMadeACsrWithoutCn_FailsTheIcPolicy()
    {
        var made = OpenSsl.Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", P("k.pem"), "-out", P("no-cn.csr"),
            "-subj", "/C=US/O=U.S. Government/OU=DoD", "-addext", "subjectAltName=DNS:ic1.example.gov,IP:10.0.0.5");
        Assert.That(made.ExitCode, Is.Zero, made.Output);

        var run = HarnessRun.Of("csr", P("no-cn.csr"), "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "SubjectAttributeMissing" }));
    }

    [Test(Description = "csr-lint-config-missing-to-text")]
    public void LintConfig_WhenFileMissing_ExitsTwoNamingIt()
    {
        var run = HarnessRun.Of("csr", "lint-config", P("nope.cnf"));

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain(P("nope.cnf")));
    }

    [Test(Description = "csr-no-san-warns-to-json")]
    public void Csr_WhenNoSan_WarnsByDefaultAndFailsWhenThePolicySaysError()
    {
        Assert.That(HarnessRun.Of("csr", "create", "--subject", "/CN=h", "--out-key", P("k"), "--out-csr", P("c")).Code, Is.Zero);
        File.WriteAllText(P("strict.json"), """{"noSan": "error"}""");

        var warned = HarnessRun.Of("csr", P("c"), "--json");
        var strict = HarnessRun.Of("csr", P("c"), "--policy", P("strict.json"), "--json");

        Assert.That(warned.Code, Is.Zero, warned.ToString());
        Assert.That(warned.Json.GetProperty("warnings")[0].GetProperty("code").GetString(), Is.EqualTo("NoSan"));
        Assert.That(strict.Code, Is.EqualTo(1), strict.ToString());
        Assert.That(strict.Json.GetProperty("findings")[0].GetProperty("code").GetString(), Is.EqualTo("NoSan"));
    }

    [Test(Description = "csr-key-mismatch-to-json")]
    public void Csr_WhenKeyIsAnother_ReportsKeyMismatch()
    {
        Assert.That(HarnessRun.Of("csr", "create", "--subject", "/CN=a", "--dns", "a", "--key-type", "ec:P-256", "--out-key", P("a.key"), "--out-csr", P("a.csr")).Code, Is.Zero);
        Assert.That(HarnessRun.Of("csr", "create", "--subject", "/CN=b", "--dns", "b", "--key-type", "ec:P-256", "--out-key", P("b.key"), "--out-csr", P("b.csr")).Code, Is.Zero);

        var run = HarnessRun.Of("csr", P("a.csr"), "--key", P("b.key"), "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("findings")[0].GetProperty("code").GetString(), Is.EqualTo("KeyMismatch"));
    }

    [TestCase("""{"subject": {"S": ["Indiana"], "emailAddress": ["pki@example.gov"]}}""", 0, TestName = "csr-policy-s-alias-to-text")]
    [TestCase("""{"subject": {"ST": ["Ohio"]}}""", 1, TestName = "csr-policy-st-mismatch-to-text")]
    [TestCase("""{"subject": {"XOU": ["a"]}}""", 2, TestName = "csr-policy-unknown-name-to-text")]
    public void Csr_WhenPolicySubjectNames_AcceptsTheUsualLabelsOnly(string policy, int expected)
    {
        Assert.That(HarnessRun.Of("csr", "create", "--subject", "/C=US/ST=Indiana/emailAddress=pki@example.gov/CN=h", "--dns", "h", "--key-type", "ec:P-256",
            "--out-key", P("k"), "--out-csr", P("c")).Code, Is.Zero);
        File.WriteAllText(P("p.json"), policy);

        var run = HarnessRun.Of("csr", P("c"), "--policy", P("p.json"));

        Assert.That(run.Code, Is.EqualTo(expected), run.ToString());
        if (expected == 2)
        {
            Assert.That(run.Stderr, Does.Contain("XOU").And.Contain("C, ST (or S), L, O, OU, CN, emailAddress"));
        }
    }

    [Test(Description = "csr-create-help-to-text")]
    public void Create_Help_HasExamples()
    {
        var run = HarnessRun.Of("csr", "create", "--help");

        Assert.That(run.Code, Is.Zero);
        Assert.That(run.Stdout, Does.Contain("Examples:").And.Contain("--out-csr"));
    }
}
