using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Chains;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>Issue 26's small things, on files made with the openssl command line: names as openssl prints them, one
/// spelling of key usage, and a chain file with two unrelated leaves.</summary>
public class NewcomerSmallThingsTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void MakeCa()
    {
        _dir = new TempDir("ci-newcomer-");
        Ok(OpenSsl.Run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", P("ca.key"), "-out", P("ca.pem"), "-subj", "/CN=Newcomer Test CA",
            "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
    }

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private string P(string name) => Path.Combine(_dir.Path, name);

    private static void Ok((int ExitCode, string Output) run) => Assert.That(run.ExitCode, Is.Zero, run.Output);

    private void Leaf(string name, string subject)
    {
        Ok(OpenSsl.Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", P(name + ".key"), "-out", P(name + ".csr"), "-subj", subject,
            "-addext", "subjectAltName=DNS:ic1.example.gov,IP:10.0.0.5"));
        File.WriteAllText(P(name + ".ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n" +
                                            "extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:ic1.example.gov,IP:10.0.0.5\n");
        Ok(OpenSsl.Run("x509", "-req", "-sha256", "-in", P(name + ".csr"), "-CA", P("ca.pem"), "-CAkey", P("ca.key"), "-CAcreateserial",
            "-days", "20", "-extfile", P(name + ".ext"), "-out", P(name + ".pem")));
    }

    [Test(Description = "inspect-jurisdiction-to-json")]
    public void Inspect_WhenSubjectHasJurisdictionAttributes_NamesThemAsOpensslDoes()
    {
        Leaf("ev", "/jurisdictionC=US/jurisdictionST=Delaware/jurisdictionL=Wilmington/businessCategory=Private Organization/O=Example Corp/CN=ic1.example.gov");
        var openssl = OpenSsl.Run("x509", "-in", P("ev.pem"), "-noout", "-subject");
        Ok(openssl);

        var run = HarnessRun.Of("inspect", P("ev.pem"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        var subject = run.Json[0].GetProperty("subject").GetString();
        Assert.That(subject, Does.Not.Contain("1.3.6.1.4.1.311"), "issue 26: printed as bare OIDs");
        Assert.That("subject=" + subject, Is.EqualTo(openssl.Output.Trim()));
    }

    [Test(Description = "import-check-key-usage-spelling-to-json")]
    public void ImportCheck_SpellsKeyUsageAsInspectDoes()
    {
        Leaf("ic1", "/O=Example Corp/CN=ic1.example.gov");

        var check = HarnessRun.Of("import-check", "--cert", P("ic1.pem"), "--csr", P("ic1.csr"), "--key", P("ic1.key"), "--trust", P("ca.pem"), "--json");
        var inspect = HarnessRun.Of("inspect", P("ic1.pem"), "--json");

        Assert.That(check.Code, Is.Zero, check.ToString());
        var usage = check.Json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "keyUsage").GetProperty("message").GetString();
        var names = inspect.Json[0].GetProperty("keyUsage").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "digitalSignature", "keyEncipherment" }));
        Assert.That(usage, Is.EqualTo(string.Join(", ", names)), "issue 26: import-check said DigitalSignature, KeyEncipherment");
    }

    [Test(Description = "chain-two-leaves-to-text")]
    public void Chain_WhenTheFileHoldsTwoUnrelatedLeaves_RefusesNamingBoth()
    {
        Leaf("a", "/O=Example Corp/CN=ic1.example.gov");
        Leaf("b", "/O=Example Corp/CN=ic2.example.gov");
        File.WriteAllText(P("both.pem"), File.ReadAllText(P("a.pem")) + File.ReadAllText(P("b.pem")));
        File.WriteAllText(P("with-chain.pem"), File.ReadAllText(P("ca.pem")) + File.ReadAllText(P("a.pem")));

        var run = HarnessRun.Of("chain", P("both.pem"), "--trust", P("ca.pem"));
        var one = HarnessRun.Of("chain", P("with-chain.pem"), "--trust", P("ca.pem"));

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(CodeRegistry.Of(ChainProblemCode.UnrelatedLeaves).Text), "issue 23: Core's coded refusal");
        Assert.That(run.Stderr, Does.Contain("CN = ic1.example.gov").And.Contain("CN = ic2.example.gov"));
        Assert.That(one.Code, Is.Zero, "a leaf with its chain, root first, is still fine: " + one);
    }
}
