using System.Xml;
using System.Xml.Linq;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Rendering.Html;

namespace CertInstaller.Harness.BrowserTests;

/// <summary>The report model and renderer without a browser: encoding of hostile text, determinism, no outside reference,
/// and where --html may write.</summary>
public class HtmlReportRendererTests
{
    private const string Hostile = "<script>alert(\"x\")</script> \"dq\" 'sq' & </textarea><img src=x onerror=alert(1)> \u202Eevil\u0007";

    [Test]
    public void Render_HostileCertificateText_IsEncodedAndRoundTripsAsText()
    {
        var html = HtmlReportRenderer.Render(Model(Hostile));
        var doc = Parse(html);

        Assert.That(doc.Descendants().Where(e => e.Name.LocalName is "script" or "img" or "textarea"), Is.Empty, "no element comes from certificate text");
        var card = doc.Descendants("article").Single(e => (string?)e.Attribute("id") == "cert-1");
        var expected = Hostile.Replace("\u202E", "\\u{202E}", StringComparison.Ordinal).Replace("\u0007", "\\u{0007}", StringComparison.Ordinal);
        Assert.That(card.Descendants("h4").Single().Value, Is.EqualTo(expected), "shown as text, controls escaped as everywhere certharness prints file data");
        Assert.That(card.Attribute("data-path")!.Value, Is.EqualTo("Client/" + expected + ".cer"), "attribute values keep their quotes as text");
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img"));
        Assert.That(html.Contains('\u202E', StringComparison.Ordinal), Is.False, "a bidi override is shown escaped, never written"); // culture comparison ignores it
        var finding = doc.Descendants("tr").Single(e => (string?)e.Attribute("class") == "finding error");
        Assert.That(finding.Attribute("data-path")!.Value, Is.EqualTo("Client/" + expected + ".cer"));
    }

    [Test]
    public void Render_Output_ReferencesNothingOutsideThePage()
    {
        var html = HtmlReportRenderer.Render(Model("ic1.example.test"));

        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<link").And.Not.Contain("@import")
            .And.Not.Contain("src=").And.Not.Contain("<script").And.Not.Contain("@font-face"));
        var doc = Parse(html);
        var hrefs = doc.Descendants().Attributes().Where(a => a.Name.LocalName is "href" or "src").Select(a => a.Value).ToList();
        Assert.That(hrefs, Is.Not.Empty);
        Assert.That(hrefs, Has.All.StartsWith("#"), "links stay inside the page");
        var urls = System.Text.RegularExpressions.Regex.Matches(html, @"url\(([^)]*)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.That(urls, Has.All.StartsWith("#"), "SVG markers only");
    }

    [Test]
    public void Render_SameModel_SameBytes()
    {
        var first = HtmlReportRenderer.Render(Model("a"));
        var second = HtmlReportRenderer.Render(Model("a"));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void ValidateHtml_SameFolderAndAt_WritesIdenticalPagesAndLeavesNoTemporaryFile()
    {
        var site = ReportSites.Shared;
        var dir = Path.Combine(site.Root, "determinism");
        Directory.CreateDirectory(dir);
        var first = Path.Combine(dir, "first.html");
        var second = Path.Combine(dir, "second.html");

        var a = ReportSites.Harness("validate", site.Broken.Folder.Root, "--at", ReportSites.At, "--html", first);
        var b = ReportSites.Harness("validate", site.Broken.Folder.Root, "--at", ReportSites.At, "--html", second);
        var again = ReportSites.Harness("validate", site.Broken.Folder.Root, "--at", ReportSites.At, "--html", second); // overwrites

        Assert.That((a.Code, b.Code, again.Code), Is.EqualTo((1, 1, 1)));
        Assert.That(File.ReadAllBytes(first), Is.EqualTo(File.ReadAllBytes(second)));
        Assert.That(File.ReadAllBytes(first), Is.EqualTo(File.ReadAllBytes(site.Broken.Html)));
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "first.html", "second.html" }), "the temporary file was renamed, not left");
    }

    [Test]
    public void ValidateHtml_ExitCodeAndStdout_AreThoseOfValidateWithoutIt()
    {
        var site = ReportSites.Shared;
        foreach (var run in new[] { site.Good, site.Broken })
        {
            var plain = ReportSites.Harness("validate", run.Folder.Root, "--at", ReportSites.At);
            Assert.That(run.Code, Is.EqualTo(plain.Code), run.Name);
            Assert.That(run.Stdout, Is.EqualTo(plain.Stdout), run.Name);
        }
        Assert.That(site.Good.Code, Is.Zero);
        Assert.That(site.Broken.Code, Is.EqualTo(1));
    }

    [TestCase("report.html")]
    [TestCase("Client/Local_Subsystems/report.html")]
    [TestCase("ServerGroup/ServerGroupCertificate.cer")]
    public void ValidateHtml_FileInsideTheCertificatesFolder_IsRefusedAndTheFolderIsUntouched(string relative)
    {
        var folder = ReportSites.Shared.Broken.Folder.Root;
        var before = Snapshot(folder);
        var target = Path.Combine(folder, relative);

        var run = ReportSites.Harness("validate", folder, "--at", ReportSites.At, "--html", target);

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain(target), "the error names the file");
        Assert.That(run.Stdout, Is.Empty, "nothing is reported before the refusal");
        Assert.That(Snapshot(folder), Is.EqualTo(before), "the certificates folder is exactly as it was");
    }

    [Test]
    public void ValidateHtml_ThroughALinkToTheCertificatesFolder_IsRefused()
    {
        var site = ReportSites.Shared;
        var link = Path.Combine(site.Root, "link-to-broken");
        if (!Directory.Exists(link)) Directory.CreateSymbolicLink(link, site.Broken.Folder.Root);
        var before = Snapshot(site.Broken.Folder.Root);

        var run = ReportSites.Harness("validate", site.Broken.Folder.Root, "--at", ReportSites.At, "--html", Path.Combine(link, "report.html"));

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(Snapshot(site.Broken.Folder.Root), Is.EqualTo(before));
    }

    [Test]
    public void ValidateHtml_MissingTargetFolder_IsAUsageErrorNamingTheFile()
    {
        var target = Path.Combine(ReportSites.Shared.Root, "no-such-folder", "report.html");

        var run = ReportSites.Harness("validate", ReportSites.Shared.Good.Folder.Root, "--at", ReportSites.At, "--html", target);

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain(target));
        Assert.That(File.Exists(target), Is.False);
    }

    [TestCase("2030-06-01", ExpiryState.Valid)]
    [TestCase("2030-12-15", ExpiryState.ExpiringSoon)]
    [TestCase("2031-01-02", ExpiryState.Expired)]
    [TestCase("2025-12-31", ExpiryState.NotYetValid)]
    public void ExpiryOf_FollowsThePolicyWindow(string at, ExpiryState expected)
    {
        var state = Expiry.Of(Day("2026-01-01"), Day("2031-01-01"), Day(at), 30);

        Assert.That(state, Is.EqualTo(expected));
    }

    private static DateTimeOffset Day(string s) => DateTimeOffset.Parse(s + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<(string, long, DateTime)> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (f, new FileInfo(f).Length, File.GetLastWriteTimeUtc(f))).ToList();

    /// <summary>The page parsed as XML: the renderer's output is well-formed, so any element a string smuggled in would show.</summary>
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static HtmlReportModel Model(string text)
    {
        var at = Day("2026-12-01");
        var node = new ReportChainNode(text, "CN = " + text, "IC CA", Day("2026-01-01"), Day("2031-01-01"), IsAnchor: false);
        var anchor = new ReportChainNode("Root", "CN = Root", "Root", Day("2026-01-01"), Day("2036-01-01"), IsAnchor: true);
        var path = "Client/" + text + ".cer";
        var cert = new ReportCertificate("cert-1", path, "Local subsystem: Server", text, "CN = " + text, "CN = IC CA", "01",
            Day("2026-01-01"), Day("2031-01-01"), ExpiryState.Valid, "sha256WithRSAEncryption", "SHA-256", "RSA", "2048 bits",
            ["DNS:" + text], "00ff", ReportOrigin.ThirdParty, "issued by " + text,
            new ReportChain([node, anchor], ChainState.Trusted, "Trusted: chains to " + text, null));
        var broken = cert with
        {
            Id = "cert-2",
            Path = "Client/b.cer",
            Chain = new ReportChain([node], ChainState.Broken, "Broken", "CN = " + text),
        };
        return new HtmlReportModel("/srv/" + text, false, 1, at,
            new ReportPolicy("installer preset", "SHA-256", 2048, 256, 30, "error"), "certharness 0.1.0 (commit abc)",
            [new ReportSet("set-1", "Local subsystem: " + text, "Client", [new ReportFile(path, "certificate", ReportOrigin.ThirdParty)], ["cert-1", "cert-2"])],
            [cert, broken],
            [new ReportFinding("CI3001", "ChainNotTrusted", "error", path, text + " Fix: " + text, "cert-1")],
            [new ReportCode("CI3001", "ChainNotTrusted", "Certificates", "error")],
            [new ReportFile(text + ".xml", "certificate map", ReportOrigin.Other)]);
    }
}
