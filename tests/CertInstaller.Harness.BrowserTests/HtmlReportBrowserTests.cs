using Microsoft.Playwright;

namespace CertInstaller.Harness.BrowserTests;

/// <summary>
/// The validate --html page in a real browser: Debian's chromium driven by Playwright (its driver ships in the NuGet
/// package; no browser is downloaded). One browser for the class; each test loads a page from file:// with every
/// non-file request aborted and recorded, checks the page through the DOM and leaves a full-page screenshot.
/// </summary>
[TestFixture]
[NonParallelizable]
public class HtmlReportBrowserTests
{
    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright _playwright = null!;
    private IBrowserContext _browser = null!;
    private TempDir? _userData;

    [OneTimeSetUp]
    public async Task LaunchChromium()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (!File.Exists(executable))
            Assert.Fail($"chromium not found at {executable}: install Debian's chromium (apt-get install -y chromium, as ./test.sh does) " +
                        "or set CHROMIUM_PATH to a Chromium binary; the HTML report is only tested in a real browser");
        _ = ReportSites.Shared; // build the folders and run validate before the browser starts
        _userData = new TempDir("ci-chromium-");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(_userData.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = LaunchArgs,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Offline = true,
        });
    }

    [OneTimeTearDown]
    public async Task CloseChromium()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _userData?.Dispose();
    }

    [Test]
    public async Task GoodFolder_ShowsEveryCertificateChainAndOrigin()
    {
        var run = ReportSites.Shared.Good;
        var page = await Open(run);

        Assert.That(await page.Locator("#verdict").GetAttributeAsync("data-valid"), Is.EqualTo(run.Code == 0 ? "true" : "false"));
        await AssertCommon(page, run);

        // Per use type: an outside CA issued Server and Client; the rest is IC's own under the self-signed root.
        Assert.That(await Origin(page, "Client/Local_Subsystems/IC1_ServerCertificate.cer"), Is.EqualTo("third-party"));
        Assert.That(await Origin(page, "Client/Local_Subsystems/IC1_ClientCertificate.cer"), Is.EqualTo("third-party"));
        Assert.That(await Origin(page, "Client/Local_Subsystems/IC1_LineCertificate.cer"), Is.EqualTo("ic-issued"));
        Assert.That(await Origin(page, "ServerGroup/ServerGroupCertificate.cer"), Is.EqualTo("ic-issued"));

        // Leaf → outside issuing CA → outside root; the Server Group root is its own anchor.
        Assert.That(await Nodes(page, "Client/Local_Subsystems/IC1_ServerCertificate.cer"), Is.EqualTo(3));
        Assert.That(await Nodes(page, "ServerGroup/ServerGroupCertificate.cer"), Is.EqualTo(1));
        Assert.That(await Nodes(page, "Client/Remote_Subsystems/peer001/IC1_ClientCertificate.cer"), Is.EqualTo(3));
        Assert.That(await page.Locator("article.cert[data-chain-state='trusted']").CountAsync(), Is.EqualTo(run.CertificateFiles.Count));
        await Screenshot(page, run);
    }

    [Test]
    public async Task BrokenFolder_ShowsExpiredBrokenAndThirdPartyAndEncodesHostileNames()
    {
        var run = ReportSites.Shared.Broken;
        var page = await Open(run);

        Assert.That(run.Code, Is.EqualTo(1));
        Assert.That(await page.Locator("#verdict").GetAttributeAsync("data-valid"), Is.EqualTo("false"));
        Assert.That(await page.Locator("#exit-code").GetAttributeAsync("data-exit-code"), Is.EqualTo("1"));
        await AssertCommon(page, run);

        var orphan = Card(page, "Client/Remote_Subsystems/peer001/IC1_ClientCertificate.cer");
        Assert.That(await orphan.GetAttributeAsync("data-chain-state"), Is.EqualTo("broken"));
        Assert.That(await orphan.Locator("svg.chain .link.broken").CountAsync(), Is.EqualTo(1));
        Assert.That(await orphan.Locator("svg.chain g.missing").CountAsync(), Is.EqualTo(1));
        Assert.That(await Origin(page, "Client/Remote_Subsystems/peer001/IC1_ClientCertificate.cer"), Is.EqualTo("third-party"));
        // The hostile subject is shown as text: no script element exists and none ran.
        Assert.That(await orphan.Locator("h4.cn").TextContentAsync(), Is.EqualTo(ReportSites.HostileName));
        Assert.That(await page.Locator("script").CountAsync(), Is.Zero);
        Assert.That(await page.TitleAsync(), Does.Not.Contain("pwned"));

        var line = Card(page, "Client/Local_Subsystems/IC1_LineCertificate.cer");
        Assert.That(await line.GetAttributeAsync("data-expiry"), Is.EqualTo("expired"));
        Assert.That(await line.Locator("svg.chain g.node.untrusted").CountAsync(), Is.EqualTo(1), "only the expired leaf is marked, not its issuers");
        Assert.That(await line.Locator("svg.chain g.node.untrusted").GetAttributeAsync("data-index"), Is.EqualTo("0"));
        Assert.That(await page.Locator($"svg.timeline g.row[data-cert='{await line.GetAttributeAsync("id")}']").GetAttributeAsync("data-expiry"), Is.EqualTo("expired"));

        Assert.That(await Origin(page, "HTTPS/ic1.example.test.cer"), Is.EqualTo("third-party"));
        Assert.That(await Nodes(page, "HTTPS/ic1.example.test.cer"), Is.EqualTo(3));
        Assert.That(await Origin(page, "Client/Local_Subsystems/IC1_ServerCertificate.cer"), Is.EqualTo("ic-issued"));
        await Screenshot(page, run);
    }

    /// <summary>Every certificate and finding is there, every chain picture is drawn, the timeline marks the judged time.</summary>
    private static async Task AssertCommon(IPage page, ReportRun run)
    {
        Assert.That(run.CertificateFiles, Is.Not.Empty);
        Assert.That(await page.Locator("article.cert").CountAsync(), Is.EqualTo(run.CertificateFiles.Count), "one card per certificate of the folder");
        foreach (var file in run.CertificateFiles)
        {
            var card = Card(page, file);
            Assert.That(await card.CountAsync(), Is.EqualTo(1), file);
            var svg = card.Locator("svg.chain");
            Assert.That(await svg.CountAsync(), Is.EqualTo(1), file);
            var box = await svg.BoundingBoxAsync();
            Assert.That(box, Is.Not.Null, file);
            Assert.That(box!.Width, Is.GreaterThan(0), file);
            Assert.That(box.Height, Is.GreaterThan(0), file);
            var nodes = await svg.Locator("g.node").CountAsync();
            Assert.That(nodes, Is.EqualTo(int.Parse(await card.GetAttributeAsync("data-chain-length") ?? "-1", System.Globalization.CultureInfo.InvariantCulture)), file);
            Assert.That(await svg.Locator(".link:not(.broken)").CountAsync(), Is.EqualTo(nodes - 1), $"{file}: one arrow between each certificate and its issuer");
            var firstNode = await svg.Locator("g.node rect").First.BoundingBoxAsync();
            Assert.That(firstNode?.Width, Is.GreaterThan(0), file);
            Assert.That(await card.Locator("tr[data-fact='signature'] td").TextContentAsync(), Does.Contain("SHA-"), file);
            Assert.That(await card.Locator("tr[data-fact='key'] td").TextContentAsync(), Does.Match(@"\d+ bits"), file);
            var anchors = svg.Locator("g.node.anchor");
            if (await card.GetAttributeAsync("data-chain-state") == "broken")
                Assert.That(await anchors.CountAsync(), Is.Zero, $"{file}: a broken chain reaches no anchor");
            else
                Assert.That(await anchors.GetAttributeAsync("data-index"), Is.EqualTo((nodes - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{file}: the chain ends at its anchor");
            var origin = await card.GetAttributeAsync("data-origin");
            Assert.That(origin, Is.AnyOf("ic-issued", "third-party"), file);
        }

        Assert.That(await page.Locator("tr.finding").CountAsync(), Is.EqualTo(run.Findings.Count), "one row per finding");
        foreach (var (code, path) in run.Findings)
        {
            var row = page.Locator($"tr.finding[data-code='{code}'][data-path='{path}']");
            Assert.That(await row.CountAsync(), Is.GreaterThanOrEqualTo(1), $"{code} {path}");
            var href = await row.First.Locator("a.code").GetAttributeAsync("href");
            Assert.That(await page.Locator($"[id='{href!.TrimStart('#')}']").CountAsync(), Is.EqualTo(1), $"{code}: its link leads to the code's entry");
        }

        Assert.That(await page.Locator("svg.timeline g.row").CountAsync(), Is.EqualTo(run.CertificateFiles.Count), "one timeline bar per certificate");
        var today = await page.Locator("#today-marker").BoundingBoxAsync();
        Assert.That(today, Is.Not.Null);
        Assert.That(today!.Height, Is.GreaterThan(0));
        Assert.That(await page.Locator("#today-marker").GetAttributeAsync("data-at"), Is.EqualTo("2026-12-01 00:00:00Z"));
    }

    private static ILocator Card(IPage page, string path) => page.Locator($"article.cert[data-path='{path}']");

    private static async Task<string?> Origin(IPage page, string path) => await Card(page, path).GetAttributeAsync("data-origin");

    private static async Task<int> Nodes(IPage page, string path) => await Card(page, path).Locator("svg.chain g.node").CountAsync();

    /// <summary>Loads the report from file:// with every other request aborted; fails the test when any was attempted.</summary>
    private async Task<IPage> Open(ReportRun run)
    {
        var page = await _browser.NewPageAsync();
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                lock (outside) outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var requests = new List<string>();
        page.Request += (_, r) => { lock (requests) requests.Add(r.Url); };
        var response = await page.GotoAsync(new Uri(run.Html).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.That(response?.Ok ?? true, Is.True, "the page loads");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (outside) Assert.That(outside, Is.Empty, "the page asked for something outside itself");
        lock (requests) Assert.That(requests, Has.All.StartsWith("file://"), "only the page itself is loaded");
        Assert.That(requests, Has.Count.EqualTo(1), "no asset is loaded, even from disk: the page is self-contained");
        return page;
    }

    /// <summary>A full-page screenshot in the test results (artifacts/test-results/html-report/) and as a test attachment.</summary>
    private static async Task Screenshot(IPage page, ReportRun run)
    {
        var dir = Path.Combine(Repository.Root, "artifacts", "test-results", "html-report");
        Directory.CreateDirectory(dir);
        var png = Path.Combine(dir, $"validate-{run.Name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true });
        File.Copy(run.Html, Path.Combine(dir, $"validate-{run.Name}.html"), overwrite: true);
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(10_000), "the screenshot holds a picture");
        TestContext.AddTestAttachment(png, $"validate --html of the {run.Name} folder");
        await page.CloseAsync();
    }
}
