using System.CommandLine;
using System.CommandLine.Invocation;
using CertInstaller.Harness.EntryPoint;

namespace CertInstaller.Harness.Tests.EntryPoint;

/// <summary>Issue 23 §5: a mistyped option or verb exits 2 with nothing run, names what was probably meant, and never
/// prints the value that followed it; and why System.CommandLine's own typo suggestions are not used.</summary>
public class MistypedNameTests
{
    [TestCase("validate", "{dir}", "--strcit", "--strict")]
    [TestCase("validate", "{dir}", "--pasword", "S3cr3t-pw", "--password")]
    [TestCase("inspect", "{pfx}", "--pasword", "S3cr3t-pw", "--password")]
    [TestCase("inspect", "{pfx}", "--pasword=S3cr3t-pw", "--password")]
    [TestCase("digests", "{dir}", "--verify-chain", "--verify-chains")]
    public void AnyVerb_WhenOptionMistyped_ExitsTwoNamingTheOptionMeantAndHidingTheValue(params string[] template)
    {
        var meant = template[^1];
        var args = template[..^1].Select(a => a.Replace("{pfx}", SampleSite.Shared["server.pfx"]).Replace("{dir}", SampleSite.Shared.IcDir)).ToArray();

        var run = HarnessRun.Of(args);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stdout, Is.Empty, "nothing was run");
        Assert.That(run.Stderr, Does.Contain($"did you mean {meant}?"), run.ToString());
        Assert.That(run.Stdout + run.Stderr, Does.Not.Contain("S3cr3t"), "a mistyped --password echoed its value");
    }

    [Test]
    public void Validate_WhenOptionIsFarFromEveryOption_SuggestsNone()
    {
        var run = HarnessRun.Of("validate", SampleSite.Shared.IcDir, "--frobnicate");

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Not.Contain("did you mean"), run.ToString());
    }

    [TestCase("valdate", "validate")]
    [TestCase("inspekt", "inspect")]
    [TestCase("backup craete", "backup create")]
    public void AnyVerb_WhenVerbMistyped_ExitsTwoNamingTheVerbMeant(string typed, string meant)
    {
        var run = HarnessRun.Of([.. typed.Split(' '), SampleSite.Shared.IcDir]);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stdout, Is.Empty, "nothing was run");
        Assert.That(run.Stderr, Does.Contain($"did you mean '{meant}'?"), run.ToString());
    }

    [Test(Description = "the reason UnknownOptions keeps Core's EditDistance: when this fails, System.CommandLine's suggestions may serve now")]
    public void SystemCommandLineTypoCorrections_WhenPasswordOptionMistyped_DoNotServe()
    {
        static ParseResult Parse(params string[] args)
        {
            var root = new RootCommand();
            foreach (var verb in VerbTable.Verbs)
            {
                root.Add(verb());
            }

            return root.Parse(args);
        }

        static string Suggest(params string[] args)
        {
            var parsed = Parse(args);
            if (parsed.Action is ParseErrorAction errors)
            {
                errors.ShowHelp = false;
                errors.ShowTypoCorrections = true;
            }

            using var output = new StringWriter();
            parsed.Invoke(new InvocationConfiguration { Output = output, Error = output });
            return output.ToString();
        }

        // Its error for the unmatched value quotes the secret; taken as files by inspect, there is nothing to correct.
        Assert.That(Suggest("validate", SampleSite.Shared.IcDir, "--pasword", "S3cr3t-pw"), Does.Contain("S3cr3t-pw"));
        Assert.That(Parse("inspect", SampleSite.Shared["server.pfx"], "--pasword", "S3cr3t-pw").Errors, Is.Empty);
    }
}
