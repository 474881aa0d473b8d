using System.Xml.Linq;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Views;
using CertInstaller.Samples;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>certharness store and validate --store as far as a machine without stores goes: they refuse with exit 2
/// before reading anything. (The checks themselves: Core's StoreCheckerTests over a fake port, and
/// CertInstaller.Store.Tests against real stores, Wine's and the Windows runner's.)</summary>
[NonParallelizable]
public class StoreCommandTests
{
    private TempDir _root = null!;
    private string Certs => Path.Combine(_root.Path, "Certificates");

    [SetUp]
    public void SetUp()
    {
        _root = new TempDir("ci-harness-store-");
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyServerGroup });
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    [TestCase("store")]
    [TestCase("validate", "--store")]
    public void Run_WithoutStores_SaysItNeedsWindowsAndExitsTwo(params string[] verb)
    {
        var run = HarnessRun.Of([.. verb, Certs, "--json"]);

        if (OperatingSystem.IsWindows())
        {
            // A real machine's stores do not hold this test's certificate: the check runs and finds it missing.
            Assert.That(run.Code, Is.EqualTo(1), run.ToString());
            Assert.That(run.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Does.Contain("CI13001"));
        }
        else
        {
            Assert.That(run.Code, Is.EqualTo(2), run.ToString());
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Does.StartWith($"certharness {verb[0]}:"));
            Assert.That(run.ErrorCode, Is.EqualTo(CodeRegistry.Of(FindingCode.StoreUnreadable).Text), run.ToString());
        }
    }

    [Test]
    public void Store_WhenFolderIsAFile_ExitsTwo_OnEveryPlatform()
    {
        var file = Path.Combine(Certs, "ServerGroup", "ServerGroupCertificate.cer");
        Assert.That(HarnessRun.Of("store", file).Code, Is.EqualTo(2));
    }

    [Test]
    public void Help_NamesExitCodesExamplesAndJson()
    {
        var run = HarnessRun.Of("store", "--help");
        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain("Exit codes: 0").And.Contain("Examples:").And.Contain("certharness store").And.Contain("--json"));
    }

    [Test]
    public void JUnit_OfTheStoreVerb_NamesItsSuiteAndClassAfterStore()
    {
        var view = new ValidateView(false, "certs", [new FindingView("CI13008", "error", @"Cert:\LocalMachine\Root", "root missing") { Name = "StoreRootMissing" }])
        {
            Verb = "store",
            At = DateTimeOffset.UnixEpoch,
        };
        using var writer = new StringWriter();
        Renderer.Render(view, OutputFormat.JUnit, writer);

        var xml = XDocument.Parse(writer.ToString());
        Assert.That(xml.Descendants("testsuite").Single().Attribute("name")?.Value, Is.EqualTo("store certs"));
        Assert.That(xml.Descendants("testcase").Select(c => (c.Attribute("classname")?.Value, c.Element("failure") is not null)),
            Is.EqualTo(new[] { ((string?)"certharness.store", true) }));
    }
}
