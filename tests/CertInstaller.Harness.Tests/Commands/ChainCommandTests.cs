namespace CertInstaller.Harness.Tests.Commands;

public class ChainCommandTests
{
    private static SampleSite Site => SampleSite.Shared;

    [Test(Description = "chain-ic-server-to-json")]
    public void Chain_WhenIntermediateInFolderBundle_IsValidToServerGroup()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site.IcDir, "--trust", Site["root.pem"], "--host", "ic1.example.test", "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(run.Json.GetProperty("path").EnumerateArray().Select(p => p.GetString()).Last(), Does.EndWith("CN = ServerGroup-IC1"));
        Assert.That(run.Json.GetProperty("path").GetArrayLength(), Is.EqualTo(3));
        Assert.That(run.Json.GetProperty("anchor").GetString(), Does.EndWith("CN = ServerGroup-IC1"));
        Assert.That(run.Json.GetProperty("problems").GetArrayLength(), Is.Zero);
    }

    [TestCase(new[] { "--trust", "root.pem" }, "IssuerNotFound", TestName = "chain-missing-intermediate-to-json")]
    [TestCase(new[] { "--bundle", "chain.p7b" }, "UntrustedRoot", TestName = "chain-no-anchor-to-json")]
    [TestCase(new[] { "--bundle", "chain.p7b", "--trust", "root.pem", "--at", "2099-01-01T00:00:00Z" }, "Expired", TestName = "chain-expired-to-json")]
    [TestCase(new[] { "--bundle", "ca.pem", "--trust", "root.pem", "--host", "other.example.test" }, "HostMismatch", TestName = "chain-wrong-host-to-json")]
    public void Chain_WhenDefective_ExitsOneWithCode(string[] options, string code)
    {
        var args = new[] { "chain", Site["server.pem"], "--json" }
            .Concat(options.Select(o => o.EndsWith(".pem", StringComparison.Ordinal) || o.EndsWith(".p7b", StringComparison.Ordinal) ? Site[o] : o))
            .ToArray();

        var run = HarnessRun.Of(args);

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(run.Json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain(code));
    }

    [TestCase("truncated.cer", TestName = "chain-unreadable-trust-to-text")]
    [TestCase("missing.cer", TestName = "chain-missing-trust-to-text")]
    [TestCase("server-key.p8", TestName = "chain-trust-without-certificate-to-text")]
    public void Chain_WhenTrustAnchorFailsToLoad_ExitsTwoNamingIt(string trust)
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site[trust]);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(Site[trust]));
    }

    [Test(Description = "chain-bad-time-to-text")]
    public void Chain_WhenAtIsNotIso8601_ExitsTwo()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--at", "yesterday");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("invalid value 'yesterday' for --at"));
    }

    [Test(Description = "chain-ic-server-to-text")]
    public void Chain_WhenValid_PrintsPathAndAnchor()
    {
        var run = HarnessRun.Of("chain", Site["server.pem"], "--bundle", Site["chain.p7b"], "--trust", Site["root.pem"]);

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain(": VALID").And.Contain("  2: O = Interactive Intelligence, OU = Server Group").And.Contain("anchor: O = Interactive Intelligence, OU = Server Group, CN = ServerGroup-IC1"));
    }

    [Test(Description = "chain-reversed-bundle-to-json")]
    public void Chain_WhenLeafFileHoldsChainRootFirst_FindsLeafAndIsValid()
    {
        var file = Path.Combine(Site.Root, "reversed-chain.pem");
        File.WriteAllText(file, File.ReadAllText(Site["root.pem"]) + File.ReadAllText(Site["ca.pem"]) + File.ReadAllText(Site["server.pem"]));

        var run = HarnessRun.Of("chain", file, "--trust", Site["root.pem"], "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("path")[0].GetString(), Does.EndWith("OU = Server, CN = ic1.example.test"));
    }
}
