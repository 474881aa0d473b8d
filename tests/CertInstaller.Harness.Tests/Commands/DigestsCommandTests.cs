namespace CertInstaller.Harness.Tests.Commands;

public class DigestsCommandTests
{
    private static SampleSite Site => SampleSite.Shared;

    [Test(Description = "digests-ic-folder-to-json")]
    public void Digests_WhenFolderHasSha1Certificate_ExitsOneAndFlagsIt()
    {
        var run = HarnessRun.Of("digests", Site.IcDir, "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("minimum").GetString(), Is.EqualTo("SHA-256"));
        var files = run.Json.GetProperty("files").EnumerateArray().ToList();
        Assert.That(files, Has.Count.EqualTo(8), "Server Group, IC CA, Server, Client, Line, HTTPS, Legacy and the trusted copy of the root");
        var weak = files.Where(f => !f.GetProperty("ok").GetBoolean()).ToList();
        Assert.That(weak.Select(f => f.GetProperty("path").GetString()), Is.EqualTo(new[] { "Client/Local_Subsystems/IC1_LegacyCertificate.cer" }));
        Assert.That(weak[0].GetProperty("digest").GetString(), Is.EqualTo("SHA-1"));
        Assert.That(weak[0].GetProperty("subject").GetString(), Does.Contain("OU = Legacy"));
    }

    [TestCase("SHA-1", 0, TestName = "digests-ic-folder-min-sha1-to-text")]
    [TestCase("SHA-384", 1, TestName = "digests-ic-folder-min-sha384-to-text")]
    [TestCase("SHA-3000", 2, TestName = "digests-ic-folder-bad-min-to-text")]
    public void Digests_WhenMinimumGiven_JudgesAgainstIt(string minimum, int expected)
    {
        var run = HarnessRun.Of("digests", Site.IcDir, "--min", minimum);

        Assert.That(run.Code, Is.EqualTo(expected), run.ToString());
    }

    [Test(Description = "digests-ic-folder-verify-chains-to-json")]
    public void Digests_WhenVerifyChains_ReportsEveryChainValidAndEachPairVerifiedOnce()
    {
        var run = HarnessRun.Of("digests", Site.IcDir, "--min", "SHA-1", "--verify-chains", "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("chainValid").GetBoolean()), Has.All.True);
        Assert.That(run.Json.GetProperty("chains").GetProperty("signatureVerifications").GetInt32(), Is.EqualTo(6), "IC CA by the root, five leaves by the IC CA: each pair once");
    }

    [Test(Description = "demo-to-text")]
    public void Demo_WhenRun_ShowsInspectChainAndDigests()
    {
        var run = HarnessRun.Of("demo");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain("$ certharness inspect").And.Contain("$ certharness chain").And.Contain(": VALID")
            .And.Contain("$ certharness digests").And.Contain("0 below SHA-256"));
    }

    [Test(Description = "digests-symlink-loop-to-json")]
    public void Digests_WhenFolderHasLinks_NeverFollowsThem()
    {
        using var dir = new TempDir("ci-digests-links-");
        Directory.CreateDirectory(Path.Combine(dir.Path, "a"));
        File.Copy(Site["root.pem"], Path.Combine(dir.Path, "a", "root.cer"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "a", "loop"), "..");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "outside.cer"), Site["server.pem"]);

        var run = HarnessRun.Of("digests", dir.Path, "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()), Is.EqualTo(new[] { "a/root.cer" }));
        Assert.That(run.Json.GetProperty("skipped").EnumerateArray().Select(f => f.GetProperty("path").GetString()), Is.EquivalentTo(new[] { "a/loop", "outside.cer" }));
    }

    [Test(Description = "digests-ic-folder-verify-chains-broken-to-text")]
    public void Digests_WhenVerifyChainsToText_StreamsWhatTheWholeViewRenders()
    {
        using var dir = new TempDir("ci-digests-stream-");
        CopyTree(Site.IcDir, dir.Path);
        foreach (var ca in Directory.GetFiles(dir.Path, "*ICCertificateAuthority*", SearchOption.AllDirectories))
        {
            File.Delete(ca); // the IC CA's leaves lose their issuer: failing chains in the listing
        }

        dir.Write("zz-notes/junk.cer", "not a certificate");
        var json = HarnessRun.Of("digests", dir.Path, "--min", "SHA-1", "--verify-chains", "--json");
        var text = HarnessRun.Of("digests", dir.Path, "--min", "SHA-1", "--verify-chains");
        var view = System.Text.Json.JsonSerializer.Deserialize(json.Stdout, Rendering.JsonRenderer.Context.DigestsView)!;
        using var whole = new StringWriter();
        Rendering.TextRenderer.Write(view, whole);

        Assert.That(text.Code, Is.EqualTo(1), text.ToString());
        Assert.That(view.Chains!.Invalid, Is.GreaterThan(0), json.ToString());
        Assert.That(view.Skipped.Select(s => s.Path), Does.Contain("zz-notes/junk.cer"));
        Assert.That(text.Stdout, Is.EqualTo(whole.ToString()));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
