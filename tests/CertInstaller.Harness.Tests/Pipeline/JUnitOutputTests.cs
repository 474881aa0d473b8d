using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CertInstaller.Harness.Tests.Golden;

namespace CertInstaller.Harness.Tests.Pipeline;

/// <summary>--format junit of validate, digests and chain: valid against the common JUnit schema, read back through
/// XmlReader/XDocument, and the same checks, counts and exit code as the JSON report of the same run.</summary>
public sealed class JUnitOutputTests
{
    private const string Valid = "2027-06-01T00:00:00Z";
    private const string Expired = "2040-06-01T00:00:00Z";

    private static GoldenSite Site => GoldenSite.Shared;

    [Test]
    public void Junit_WhenFileTextIsHostile_StaysValidAsciiXml()
    {
        // A third-party CN can carry U+FFFF (UTF8String), a lone surrogate (BMPString), control and non-ASCII characters.
        const string hostile = "CN=caf\u00e9 \uFFFF \uD800 \u0007 \u202E";
        var suite = new Rendering.JUnitSuite("validate " + hostile, DateTimeOffset.UnixEpoch,
            [new Rendering.JUnitCase("CI3001 " + hostile, "certharness.validate") { Failure = new(hostile, "CI3001", hostile), SystemOut = hostile }]);
        using var output = new StringWriter();

        Rendering.JUnitRenderer.Write(suite, output);

        var text = output.ToString();
        Assert.That(text.All(c => c < 128), Is.True, "ASCII only: the bytes mean the same under any console code page");
        var parsed = XDocument.Parse(text);
        Assert.That((string?)parsed.Descendants("testcase").Single().Attribute("name"), Does.Contain("caf\u00e9"));
    }

    [TestCase("good", Valid)]
    [TestCase("good", Expired)]
    [TestCase("legacy", Valid)]
    public void Validate_Junit_MatchesTheJsonReport(string folder, string at)
    {
        var json = HarnessRun.Of("validate", Site[folder], "--at", at, "--json");
        var junit = HarnessRun.Of("validate", Site[folder], "--at", at, "--format", "junit");

        var suite = Suite(junit);
        var findings = json.Json.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(junit.Code, Is.EqualTo(json.Code), junit.ToString());
        Assert.That((string?)suite.Attribute("timestamp"), Is.EqualTo(at.TrimEnd('Z')));
        var names = Cases(suite).Select(c => (string)c.Attribute("name")!).ToList();
        foreach (var f in findings)
        {
            Assert.That(names, Does.Contain($"{f.GetProperty("code").GetString()} {PathOf(f)}"));
        }

        // Every file of the folder has its testcase, passing when nothing was found on it.
        foreach (var file in Directory.EnumerateFiles(Site[folder], "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Site[folder], file).Replace('\\', '/');
            Assert.That(names, Has.Some.EndsWith(" " + relative), relative);
        }

        var errors = findings.Where(f => f.GetProperty("severity").GetString() == "error").Select(f => $"{f.GetProperty("code").GetString()} {PathOf(f)}");
        Assert.That(Failed(suite).Select(c => (string)c.Attribute("name")!), Is.EquivalentTo(errors));
        Assert.That(Failed(suite).Select(c => (string)c.Element("failure")!.Attribute("type")!), Is.All.Matches<string>(t => t.StartsWith("CI", StringComparison.Ordinal)));
        var warnings = findings.Count(f => f.GetProperty("severity").GetString() == "warning");
        Assert.That(Cases(suite).Count(c => c.Element("failure") is null && c.Element("system-out") is not null), Is.EqualTo(warnings + findings.Count(f => f.GetProperty("severity").GetString() == "info")));
    }

    [Test]
    public void Validate_Junit_UnderStrict_WarningsFail()
    {
        var junit = HarnessRun.Of("validate", Site["legacy"], "--at", Valid, "--strict", "--format", "junit");
        var json = HarnessRun.Of("validate", Site["legacy"], "--at", Valid, "--strict", "--json");

        var warnings = json.Json.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("severity").GetString() is "warning" or "error");
        Assert.That(Failed(Suite(junit)).Count(), Is.EqualTo(warnings));
        Assert.That(junit.Code, Is.EqualTo(1));
    }

    [TestCase("good", 0)]
    [TestCase("legacy", 1)]
    public void Digests_Junit_MatchesTheJsonReport(string folder, int exit)
    {
        var json = HarnessRun.Of("digests", Site[folder], "--json");
        var junit = HarnessRun.Of("digests", Site[folder], "--format", "junit");

        var suite = Suite(junit);
        var files = json.Json.GetProperty("files").EnumerateArray().ToList();
        var skipped = json.Json.GetProperty("skipped").GetArrayLength();
        Assert.That(junit.Code, Is.EqualTo(exit), junit.ToString());
        Assert.That(json.Code, Is.EqualTo(exit));
        Assert.That(Cases(suite).Select(c => (string)c.Attribute("name")!).Take(files.Count),
            Is.EqualTo(files.Select(f => "CI3005 " + f.GetProperty("path").GetString())));
        Assert.That(Failed(suite).Count(), Is.EqualTo(files.Count(f => !f.GetProperty("ok").GetBoolean())));
        Assert.That(Cases(suite).Count(c => c.Element("skipped") is not null), Is.EqualTo(skipped));
        Assert.That((int)suite.Attribute("skipped")!, Is.EqualTo(skipped));
    }

    [Test]
    public void Digests_Junit_WithVerifyChains_HasAChainCasePerCertificate()
    {
        var junit = HarnessRun.Of("digests", Site["good"], "--verify-chains", "--at", Valid, "--format", "junit");

        var names = Cases(Suite(junit)).Select(c => (string)c.Attribute("name")!).ToList();
        Assert.That(names.Count(n => n.StartsWith("CI3001 ", StringComparison.Ordinal)), Is.EqualTo(names.Count(n => n.StartsWith("CI3005 ", StringComparison.Ordinal))));
        Assert.That(junit.Code, Is.Zero, junit.ToString());
    }

    [TestCase(Valid, 0)]
    [TestCase(Expired, 1)]
    public void Chain_Junit_MatchesTheJsonReport(string at, int exit)
    {
        string[] args = ["chain", Site["server.pem"], "--bundle", Site["ca.pem"], "--trust", Site["root.pem"], "--at", at];
        var json = HarnessRun.Of([.. args, "--json"]);
        var junit = HarnessRun.Of([.. args, "--format", "junit"]);

        var suite = Suite(junit);
        Assert.That(junit.Code, Is.EqualTo(exit), junit.ToString());
        var problems = json.Json.GetProperty("problems").GetArrayLength();
        Assert.That(Failed(suite).Count(), Is.EqualTo(problems));
        var given = new[] { Site["server.pem"], Site["ca.pem"], Site["root.pem"] };
        Assert.That(Cases(suite).Select(c => (string)c.Attribute("name")!), Is.All.Matches<string>(n => given.Any(g => n.EndsWith(" " + g, StringComparison.Ordinal))));
        Assert.That(Cases(suite).Select(c => (string)c.Attribute("name")!), Is.Unique);
        if (exit == 0)
        {
            Assert.That(Cases(suite).Select(c => (string)c.Attribute("name")!), Is.EqualTo(new[] { "CI3001 " + Site["server.pem"] }));
        }
    }

    [TestCase("validate")]
    [TestCase("digests")]
    [TestCase("chain")]
    public void JsonAndFormatThatDisagree_AreAUsageError(string verb)
    {
        var target = verb == "chain" ? Site["server.pem"] : Site["good"];

        var both = HarnessRun.Of(verb, target, "--json", "--format", "junit");
        var agree = HarnessRun.Of(verb, target, "--json", "--format", "json");

        Assert.That(both.Code, Is.EqualTo(2), both.ToString());
        Assert.That(both.Stdout, Is.Empty);
        Assert.That(agree.Json.ValueKind, Is.EqualTo(JsonValueKind.Object), agree.ToString());
    }

    [Test]
    public void UnknownFormat_IsAUsageError()
    {
        var run = HarnessRun.Of("validate", Site["good"], "--format", "xml");

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void DigestsBaseline_RefusesJunit_BeforeReading()
    {
        var run = HarnessRun.Of("digests", Site["good"], "--baseline", Site["legacy"], "--format", "junit");

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void Schema_RejectsATestcaseWithoutName()
    {
        // The schema check must be able to fail: a testcase without its required name is refused.
        const string Bad = "<testsuites><testsuite name=\"x\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase classname=\"c\"/></testsuite></testsuites>";

        Assert.That(() => Load(Bad), Throws.InstanceOf<XmlSchemaValidationException>());
    }

    /// <summary>The single testsuite of a run's stdout, after schema validation and a check of the totals.</summary>
    internal static XElement Suite(HarnessRun run)
    {
        var document = Load(run.Stdout);
        var root = document.Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        var suite = root.Elements("testsuite").Single();
        var cases = suite.Elements("testcase").ToList();
        Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(cases.Count));
        Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(cases.Count(c => c.Element("failure") is not null)));
        Assert.That((int)root.Attribute("tests")!, Is.EqualTo(cases.Count));
        Assert.That(cases.Select(c => (string?)c.Attribute("classname")), Is.All.StartsWith("certharness."));
        return suite;
    }

    /// <summary>Parses <paramref name="xml"/> through a validating XmlReader (junit.xsd); any error or warning throws.</summary>
    internal static XDocument Load(string xml)
    {
        var schemas = new XmlSchemaSet();
        using (var xsd = typeof(JUnitOutputTests).Assembly.GetManifestResourceStream("junit.xsd")!)
        {
            schemas.Add(null, XmlReader.Create(xsd));
        }

        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => throw e.Exception;
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> Cases(XElement suite) => suite.Elements("testcase");

    private static IEnumerable<XElement> Failed(XElement suite) => Cases(suite).Where(c => c.Element("failure") is not null);

    private static string PathOf(JsonElement finding) => finding.GetProperty("path").GetString() is { Length: > 0 } p ? p : ".";
}
