using System.Globalization;
using System.Xml;

namespace CertInstaller.Harness.Rendering.Html;

/// <summary>
/// Writes a <see cref="HtmlReportModel"/> as one self-contained HTML page: inline CSS and inline SVG, no script, no font,
/// no image and no link to anything outside the page (servers are often offline). Same model, same bytes.
/// </summary>
public static class HtmlReportRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the page to <paramref name="output"/>.</summary>
    public static void Write(HtmlReportModel model, TextWriter output)
    {
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            ConformanceLevel = ConformanceLevel.Document,
            Indent = false, // indentation would add visible spaces between inline elements
            NewLineHandling = NewLineHandling.Replace,
        };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteDocType("html", null, null, null);
        var h = new HtmlMarkup(xml);
        h.Open("html", ("lang", "en"));
        Head(h, model);
        h.Open("body");
        Header(h, model);
        h.Open("main");
        Summary(h, model);
        Findings(h, model);
        Timeline(h, model);
        Sets(h, model);
        Codes(h, model);
        h.Close();
        h.Open("footer").Text($"{model.Version} · judged at {Time(model.At)} · {model.Folder}").Close();
        h.Close().Close();
        xml.WriteEndDocument();
    }

    /// <summary>The page as a string.</summary>
    public static string Render(HtmlReportModel model)
    {
        using var text = new StringWriter(Inv) { NewLine = "\n" };
        Write(model, text);
        return text.ToString();
    }

    private static void Head(HtmlMarkup h, HtmlReportModel m)
    {
        h.Open("head");
        h.Void("meta", ("charset", "utf-8"));
        h.Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        // Nothing may be fetched, even if a hostile string slipped past the encoder: no script, no remote anything.
        h.Void("meta", ("http-equiv", "Content-Security-Policy"), ("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
        h.Element("title", $"Certificates report: {m.Folder} — {(m.Valid ? "VALID" : "INVALID")}");
        h.Style(Css);
        h.Close();
    }

    private static void Header(HtmlMarkup h, HtmlReportModel m)
    {
        h.Open("header", ("class", "top " + (m.Valid ? "is-valid" : "is-invalid")));
        h.Open("div", ("class", "wrap"));
        h.Open("div", ("class", "verdict-line"));
        h.Element("span", m.Valid ? "VALID" : "INVALID", ("id", "verdict"), ("class", "verdict"), ("data-valid", m.Valid ? "true" : "false"));
        h.Element("span", $"exit code {m.ExitCode}", ("id", "exit-code"), ("class", "exit"), ("data-exit-code", m.ExitCode.ToString(Inv)));
        h.Close();
        h.Element("h1", "Certificates folder report");
        h.Open("dl", ("class", "meta"));
        Meta(h, "Folder", m.Folder, "meta-folder");
        Meta(h, "Judged at", Time(m.At), "meta-at");
        Meta(h, "Policy", $"{m.Policy.Source}: fails at {m.Policy.FailAt}; digest ≥ {m.Policy.MinDigest}; RSA ≥ {m.Policy.MinRsaBits} bits; EC ≥ {m.Policy.MinEcBits} bits; expiring soon = within {m.Policy.ExpiryWarningDays} days", "meta-policy");
        Meta(h, "Tool", m.Version, "meta-version");
        h.Close();
        h.Close().Close();
    }

    private static void Meta(HtmlMarkup h, string name, string value, string id)
    {
        h.Open("div").Element("dt", name).Element("dd", value, ("id", id)).Close();
    }

    private static void Summary(HtmlMarkup h, HtmlReportModel m)
    {
        h.Open("section", ("class", "tiles"), ("aria-label", "summary"));
        Tile(h, m.Certificates.Count, "certificates", "");
        Tile(h, m.Certificates.Count(c => c.Origin == ReportOrigin.ThirdParty), "third-party", "third-party");
        Tile(h, m.Certificates.Count(c => c.Origin == ReportOrigin.IcIssued), "IC-issued", "ic-issued");
        Tile(h, m.Findings.Count(f => f.Severity == "error"), "errors", "error");
        Tile(h, m.Findings.Count(f => f.Severity == "warning"), "warnings", "warning");
        Tile(h, m.Findings.Count(f => f.Severity == "info"), "info", "info");
        h.Close();
        h.Open("nav", ("class", "toc"));
        foreach (var (href, text) in new[] { ("#findings", "Findings"), ("#timeline", "Expiry timeline"), ("#sets", "Certificate sets"), ("#codes", "Codes") })
            h.Element("a", text, ("href", href));
        h.Close();
    }

    private static void Tile(HtmlMarkup h, int count, string label, string kind)
    {
        h.Open("div", ("class", "tile " + kind)).Element("b", count.ToString(Inv)).Element("span", label).Close();
    }

    private static void Findings(HtmlMarkup h, HtmlReportModel m)
    {
        h.Open("section", ("id", "findings")).Element("h2", $"Findings ({m.Findings.Count})");
        if (m.Findings.Count == 0)
        {
            h.Element("p", "No findings: every check passed.", ("class", "none"));
            h.Close();
            return;
        }
        h.Open("table", ("class", "findings"));
        h.Open("thead").Open("tr").Element("th", "Severity").Element("th", "Code").Element("th", "File").Element("th", "Problem and fix").Close().Close();
        h.Open("tbody");
        foreach (var f in m.Findings)
        {
            h.Open("tr", ("class", "finding " + f.Severity), ("data-code", f.Code), ("data-path", f.Path), ("data-severity", f.Severity));
            h.Open("td").Element("span", f.Severity, ("class", "sev " + f.Severity)).Close();
            h.Open("td").Open("a", ("class", "code"), ("href", "#" + f.CodeName), ("title", f.CodeName)).Text(f.Code).Close()
                .Element("div", f.CodeName, ("class", "code-name")).Close();
            h.Open("td", ("class", "path"));
            var shown = f.Path.Length == 0 ? "(the folder)" : f.Path;
            if (f.CertificateId is { } id) h.Element("a", shown, ("href", "#" + id));
            else h.Text(shown);
            h.Close();
            h.Element("td", f.Message, ("class", "message"));
            h.Close();
        }
        h.Close().Close().Close();
    }

    // Timeline geometry (SVG user units; the SVG scales to the page width).
    private const double TimelineWidth = 1000, LabelWidth = 360, RowHeight = 26, AxisHeight = 26, YearsHeight = 24;

    private static void Timeline(HtmlMarkup h, HtmlReportModel m)
    {
        h.Open("section", ("id", "timeline")).Element("h2", "Expiry timeline");
        if (m.Certificates.Count == 0)
        {
            h.Element("p", "No readable certificate.", ("class", "none")).Close();
            return;
        }
        var warn = m.At.AddDays(m.Policy.ExpiryWarningDays);
        var start = new[] { m.Certificates.Min(c => c.NotBefore), m.At }.Min().AddDays(-30);
        var end = new[] { m.Certificates.Max(c => c.NotAfter), warn }.Max().AddDays(30);
        var span = (end - start).TotalDays;
        double X(DateTimeOffset t) => LabelWidth + (TimelineWidth - LabelWidth - 16) * ((t - start).TotalDays / span);
        var rows = AxisHeight + RowHeight * m.Certificates.Count;
        var height = rows + YearsHeight;
        h.Open("svg", ("class", "timeline"), ("viewBox", $"0 0 {N(TimelineWidth)} {N(height)}"), ("width", N(TimelineWidth)), ("height", N(height)),
            ("role", "img"), ("aria-label", "validity of each certificate from notBefore to notAfter, with the judged time marked"));

        var years = end.Year - start.Year;
        var step = Math.Max(1, (int)Math.Ceiling(years / 12.0));
        for (var y = start.Year + 1; y <= end.Year; y++)
        {
            if ((y - (start.Year + 1)) % step != 0) continue;
            var x = X(new DateTimeOffset(y, 1, 1, 0, 0, 0, TimeSpan.Zero));
            h.Void("line", ("class", "grid"), ("x1", N(x)), ("y1", N(AxisHeight - 4)), ("x2", N(x)), ("y2", N(rows + 4)));
            h.Element("text", y.ToString(Inv), ("class", "tick"), ("x", N(x)), ("y", N(height - 6)), ("text-anchor", "middle"));
        }
        h.Open("rect", ("class", "warn-window"), ("x", N(X(m.At))), ("y", N(AxisHeight - 4)), ("width", N(Math.Max(1, X(warn) - X(m.At)))), ("height", N(rows - AxisHeight + 8)))
            .Element("title", $"expiring soon: within {m.Policy.ExpiryWarningDays} days of {Date(m.At)}").Close();

        for (var i = 0; i < m.Certificates.Count; i++)
        {
            var c = m.Certificates[i];
            var y = AxisHeight + RowHeight * i;
            h.Open("g", ("class", "row " + Kebab(c.Expiry)), ("data-cert", c.Id), ("data-expiry", Kebab(c.Expiry)));
            h.Open("a", ("href", "#" + c.Id));
            h.Element("text", Truncate($"{c.CommonName} · {c.SetTitle}", 50), ("class", "label"), ("x", N(LabelWidth - 10)), ("y", N(y + 17)), ("text-anchor", "end"));
            h.Close();
            var x1 = X(c.NotBefore);
            h.Open("rect", ("class", "bar"), ("x", N(x1)), ("y", N(y + 5)), ("width", N(Math.Max(2, X(c.NotAfter) - x1))), ("height", N(RowHeight - 10)), ("rx", "4"))
                .Element("title", $"{c.CommonName} ({c.Path}): {Date(c.NotBefore)} → {Date(c.NotAfter)}, {ExpiryText(c, m.At)}").Close();
            h.Close();
        }
        var today = X(m.At);
        h.Open("g", ("id", "today-marker"), ("class", "today"), ("data-at", Time(m.At)));
        h.Void("line", ("x1", N(today)), ("y1", N(18)), ("x2", N(today)), ("y2", N(rows + 6)));
        h.Element("text", "judged " + Date(m.At), ("x", N(today)), ("y", N(13)), ("class", "today-label"), ("text-anchor", "middle"));
        h.Close();
        h.Close();
        h.Open("p", ("class", "legend"));
        foreach (var (kind, text) in new[] { ("valid", "in date"), ("expiring-soon", $"expires within {m.Policy.ExpiryWarningDays} days"), ("expired", "expired"), ("not-yet-valid", "not yet valid") })
            h.Open("span", ("class", "key " + kind)).Element("i", "").Text(text).Close();
        h.Open("span", ("class", "key today-key")).Element("i", "").Text("judged time").Close();
        h.Close().Close();
    }

    private static void Sets(HtmlMarkup h, HtmlReportModel m)
    {
        h.Open("section", ("id", "sets")).Element("h2", $"Certificate sets ({m.Sets.Count})");
        var cards = m.Certificates.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var set in m.Sets)
        {
            h.Open("section", ("class", "set"), ("id", set.Id), ("data-title", set.Title));
            h.Open("h3").Text(set.Title).Element("span", set.Directory, ("class", "dir")).Close();
            Files(h, set.Files);
            foreach (var id in set.CertificateIds) Card(h, cards[id], m);
            h.Close();
        }
        if (m.OtherFiles.Count > 0)
        {
            h.Open("section", ("class", "set other"), ("id", "other-files")).Open("h3").Text("Other files").Close();
            Files(h, m.OtherFiles);
            h.Close();
        }
        h.Close();
    }

    private static void Files(HtmlMarkup h, IReadOnlyList<ReportFile> files)
    {
        h.Open("ul", ("class", "files"));
        foreach (var f in files)
            h.Open("li", ("data-path", f.Path)).Element("code", f.Path).Element("span", f.Part, ("class", "part")).Element("span", OriginText(f.Origin), ("class", "origin " + Kebab(f.Origin))).Close();
        h.Close();
    }

    private static void Card(HtmlMarkup h, ReportCertificate c, HtmlReportModel m)
    {
        h.Open("article", ("class", "cert"), ("id", c.Id), ("data-path", c.Path), ("data-origin", Kebab(c.Origin)),
            ("data-chain-state", Kebab(c.Chain.State)), ("data-chain-length", c.Chain.Nodes.Count.ToString(Inv)), ("data-expiry", Kebab(c.Expiry)));
        h.Open("header");
        h.Element("h4", c.CommonName, ("class", "cn"));
        h.Element("span", OriginText(c.Origin), ("class", "origin " + Kebab(c.Origin)), ("title", c.OriginReason));
        h.Element("span", ExpiryText(c, m.At), ("class", "expiry " + Kebab(c.Expiry)));
        h.Element("span", c.Chain.State switch { ChainState.Trusted => "chain trusted", ChainState.Untrusted => "chain not trusted", _ => "chain broken" }, ("class", "chainstate " + Kebab(c.Chain.State)));
        h.Close();
        h.Element("div", c.Path, ("class", "file"));
        ChainPicture(h, c);
        h.Element("p", c.Chain.Summary, ("class", "chain-summary " + Kebab(c.Chain.State)));
        h.Open("table", ("class", "facts")).Open("tbody");
        Fact(h, "Subject", c.Subject, "subject");
        Fact(h, "Issuer", c.Issuer, "issuer");
        Fact(h, "Validity", $"{Time(c.NotBefore)} → {Time(c.NotAfter)}", "validity");
        Fact(h, "Signature", $"{c.SignatureAlgorithm} (digest {c.Digest})", "signature");
        Fact(h, "Key", $"{c.KeyType} {c.KeySize}", "key");
        if (c.Sans.Count > 0) Fact(h, "Subject alt names", string.Join(", ", c.Sans), "sans");
        Fact(h, "Serial", c.Serial, "serial");
        Fact(h, "SHA-256", c.Sha256, "sha256");
        Fact(h, "Origin", $"{OriginText(c.Origin)}: {c.OriginReason}", "origin");
        h.Close().Close();
        h.Close();
    }

    private static void Fact(HtmlMarkup h, string name, string value, string kind) =>
        h.Open("tr", ("data-fact", kind)).Element("th", name).Element("td", value).Close();

    // Chain picture geometry: one box per certificate, leaf on the left, arrows pointing at the issuer.
    private const double BoxWidth = 250, BoxHeight = 96, Gap = 58, Pad = 8;

    private static void ChainPicture(HtmlMarkup h, ReportCertificate c)
    {
        var nodes = c.Chain.Nodes;
        var broken = c.Chain.State == ChainState.Broken;
        var boxes = nodes.Count + (broken ? 1 : 0);
        var width = Pad * 2 + boxes * BoxWidth + (boxes - 1) * Gap;
        var height = BoxHeight + Pad * 2;
        var marker = "arrow-" + c.Id;
        h.Open("svg", ("class", "chain"), ("viewBox", $"0 0 {N(width)} {N(height)}"), ("width", N(width)), ("height", N(height)),
            ("role", "img"), ("data-links", (nodes.Count - 1).ToString(Inv)), ("data-nodes", nodes.Count.ToString(Inv)),
            ("aria-label", $"chain of {c.CommonName}: {string.Join(" → ", nodes.Select(n => n.CommonName))}{(broken ? " → issuer missing" : "")}"));
        h.Open("defs").Open("marker", ("id", marker), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto-start-reverse"))
            .Void("path", ("d", "M 0 0 L 10 5 L 0 10 z"), ("class", "arrowhead")).Close().Close();
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            var x = Pad + i * (BoxWidth + Gap);
            // A path that reached its anchor marks only the certificates a problem names; a broken path trusts nothing.
            var state = n.HasProblem || c.Chain.State == ChainState.Broken ? "untrusted" : n.IsAnchor ? "anchor" : "trusted";
            h.Open("g", ("class", "node " + state), ("data-subject", n.Subject), ("data-index", i.ToString(Inv)));
            h.Element("title", $"{n.Subject}\nissued by {n.IssuerCommonName}\n{Time(n.NotBefore)} → {Time(n.NotAfter)}");
            h.Void("rect", ("x", N(x)), ("y", N(Pad)), ("width", N(BoxWidth)), ("height", N(BoxHeight)), ("rx", "9"));
            h.Element("text", Truncate(n.CommonName, 26), ("class", "n-cn"), ("x", N(x + 12)), ("y", N(Pad + 24)));
            h.Element("text", "issuer: " + Truncate(n.IssuerCommonName, 30), ("class", "n-line"), ("x", N(x + 12)), ("y", N(Pad + 44)));
            h.Element("text", $"{Date(n.NotBefore)} → {Date(n.NotAfter)}", ("class", "n-line"), ("x", N(x + 12)), ("y", N(Pad + 62)));
            h.Element("text", state switch { "anchor" => "⚓ trust anchor", "trusted" => "✔ trusted", _ => "✖ untrusted" }, ("class", "n-state"), ("x", N(x + 12)), ("y", N(Pad + 84)));
            h.Close();
            if (i < nodes.Count - 1)
                h.Void("line", ("class", "link"), ("x1", N(x + BoxWidth + 2)), ("y1", N(Pad + BoxHeight / 2)), ("x2", N(x + BoxWidth + Gap - 3)), ("y2", N(Pad + BoxHeight / 2)), ("marker-end", $"url(#{marker})"));
        }
        if (broken)
        {
            var x = Pad + nodes.Count * (BoxWidth + Gap);
            h.Void("line", ("class", "link broken"), ("x1", N(x - Gap + 2)), ("y1", N(Pad + BoxHeight / 2)), ("x2", N(x - 3)), ("y2", N(Pad + BoxHeight / 2)));
            h.Element("text", "✕", ("class", "break-mark"), ("x", N(x - Gap / 2)), ("y", N(Pad + BoxHeight / 2 - 6)), ("text-anchor", "middle"));
            h.Open("g", ("class", "missing"));
            h.Element("title", "not found: " + (c.Chain.MissingIssuer ?? "the issuer"));
            h.Void("rect", ("x", N(x)), ("y", N(Pad)), ("width", N(BoxWidth)), ("height", N(BoxHeight)), ("rx", "9"));
            h.Element("text", "issuer not found", ("class", "n-cn"), ("x", N(x + 12)), ("y", N(Pad + 24)));
            h.Element("text", Truncate(c.Chain.MissingIssuer ?? "", 36), ("class", "n-line"), ("x", N(x + 12)), ("y", N(Pad + 46)));
            h.Element("text", "no trust anchor reached", ("class", "n-state"), ("x", N(x + 12)), ("y", N(Pad + 84)));
            h.Close();
        }
        h.Close();
    }

    private static void Codes(HtmlMarkup h, HtmlReportModel m)
    {
        h.Open("section", ("id", "codes")).Element("h2", "Codes in this report");
        if (m.Codes.Count == 0) h.Element("p", "None.", ("class", "none"));
        else
        {
            h.Open("dl", ("class", "codes"));
            foreach (var c in m.Codes)
                h.Open("div", ("id", c.Name), ("class", "code-entry"))
                    .Element("dt", $"{c.Code} {c.Name}")
                    .Element("dd", $"area {c.Area}; {c.DefaultSeverity} unless the policy says otherwise; {m.Findings.Count(f => f.Code == c.Code)} finding(s) here").Close();
            h.Close();
        }
        h.Close();
    }

    private static string OriginText(ReportOrigin origin) => origin switch
    {
        ReportOrigin.IcIssued => "IC-issued",
        ReportOrigin.ThirdParty => "third-party",
        _ => "other",
    };

    private static string ExpiryText(ReportCertificate c, DateTimeOffset at)
    {
        var days = (int)Math.Floor((c.NotAfter - at).TotalDays);
        return c.Expiry switch
        {
            ExpiryState.Expired => $"expired {Date(c.NotAfter)} ({-days} days ago)",
            ExpiryState.NotYetValid => $"not valid before {Date(c.NotBefore)}",
            ExpiryState.ExpiringSoon => $"expires in {days} days ({Date(c.NotAfter)})",
            _ => $"valid until {Date(c.NotAfter)} ({days} days)",
        };
    }

    /// <summary>"IcIssued" → "ic-issued": the CSS class and data attribute form of an enum value.</summary>
    private static string Kebab<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var b = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) b.Append('-');
            b.Append(char.ToLowerInvariant(name[i]));
        }
        return b.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";

    private static string N(double v) => v.ToString("0.#", Inv);

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", Inv);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Inv);

    private const string Css = """
        :root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#f4f6f9;--card:#fff;--ok:#1e8e4e;--ok-bg:#e5f5ec;--warn:#b86e00;--warn-bg:#fff3dc;--bad:#c62d2d;--bad-bg:#fde8e8;--info:#2f6fb3;--info-bg:#e6f0fb;--tp:#6b3fb5;--tp-bg:#efe8fb;--ic:#0d7a86;--ic-bg:#e0f3f5}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
        .wrap,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}
        header.top{color:#fff;padding:22px 0 18px;border-bottom:4px solid rgba(0,0,0,.15)}
        header.top.is-valid{background:linear-gradient(135deg,#176b3c,#1e8e4e)}
        header.top.is-invalid{background:linear-gradient(135deg,#8f1d1d,#c62d2d)}
        .verdict-line{display:flex;gap:14px;align-items:center}
        .verdict{font-size:28px;font-weight:800;letter-spacing:.08em;background:rgba(255,255,255,.18);border:2px solid rgba(255,255,255,.6);padding:2px 16px;border-radius:8px}
        .exit{font-size:15px;opacity:.95;background:rgba(0,0,0,.18);padding:4px 10px;border-radius:6px;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
        h1{margin:10px 0 8px;font-size:20px;font-weight:600;opacity:.95}
        dl.meta{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:6px 28px;margin:0}
        dl.meta div{display:flex;gap:10px;min-width:0}
        dl.meta dt{font-weight:600;opacity:.8;min-width:74px}
        dl.meta dd{margin:0;overflow-wrap:anywhere}
        .tiles{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin:20px 0 10px}
        .tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;border-top:4px solid var(--muted)}
        .tile b{display:block;font-size:26px}.tile span{color:var(--muted)}
        .tile.error{border-top-color:var(--bad)}.tile.warning{border-top-color:var(--warn)}.tile.info{border-top-color:var(--info)}
        .tile.third-party{border-top-color:var(--tp)}.tile.ic-issued{border-top-color:var(--ic)}
        nav.toc{display:flex;gap:18px;margin:6px 0 4px}nav.toc a{color:var(--info);text-decoration:none;font-weight:600}
        h2{font-size:18px;margin:26px 0 10px;padding-bottom:6px;border-bottom:2px solid var(--line)}
        section#findings table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
        table.findings th{text-align:left;background:#eef1f5;color:var(--muted);font-weight:600;padding:8px 10px}
        table.findings td{padding:8px 10px;border-top:1px solid var(--line);vertical-align:top}
        tr.finding.error td:first-child{box-shadow:inset 4px 0 var(--bad)}tr.finding.warning td:first-child{box-shadow:inset 4px 0 var(--warn)}tr.finding.info td:first-child{box-shadow:inset 4px 0 var(--info)}
        .sev{display:inline-block;font-size:12px;font-weight:700;text-transform:uppercase;padding:1px 8px;border-radius:10px}
        .sev.error{color:var(--bad);background:var(--bad-bg)}.sev.warning{color:var(--warn);background:var(--warn-bg)}.sev.info{color:var(--info);background:var(--info-bg)}
        a.code{font:700 15px ui-monospace,"DejaVu Sans Mono",monospace;color:var(--ink);text-decoration:none;border-bottom:1px dotted var(--muted)}
        .code-name{font-size:12px;color:var(--muted)}
        td.path{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12.5px;overflow-wrap:anywhere;width:30%;min-width:220px}
        table.findings td:nth-child(1){width:86px}table.findings td:nth-child(2){width:150px}
        td.path a{color:var(--info)}
        td.message{overflow-wrap:anywhere}
        svg.timeline{width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:10px}
        svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;fill:var(--ink)}
        .grid{stroke:#e6e9ef;stroke-width:1}.tick{font-size:11px;fill:var(--muted)}
        .warn-window{fill:var(--warn);opacity:.10}
        .row .label{font-size:12.5px}.row a .label{fill:var(--ink)}
        .row .bar{fill:var(--ok)}.row.expiring-soon .bar{fill:#e69a12}.row.expired .bar{fill:var(--bad)}.row.not-yet-valid .bar{fill:#9aa3b2}
        .today line{stroke:#1d2330;stroke-width:2;stroke-dasharray:5 3}.today-label{font-size:11.5px;font-weight:700}
        .legend{display:flex;gap:18px;color:var(--muted);font-size:12.5px}
        .legend .key i{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:6px;vertical-align:middle}
        .key.valid i{background:var(--ok)}.key.expiring-soon i{background:#e69a12}.key.expired i{background:var(--bad)}.key.not-yet-valid i{background:#9aa3b2}.key.today-key i{width:3px;height:14px;background:#1d2330}
        section.set{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 18px;margin:14px 0}
        section.set h3{margin:0 0 8px;font-size:16px;display:flex;gap:12px;align-items:baseline}
        .dir{font:12px ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted)}
        ul.files{list-style:none;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:12.5px}
        ul.files code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
        .part{color:var(--muted);margin:0 6px}
        .origin{display:inline-block;font-size:11.5px;font-weight:700;padding:1px 8px;border-radius:10px;background:#eef1f5;color:var(--muted)}
        .origin.third-party{background:var(--tp-bg);color:var(--tp)}.origin.ic-issued{background:var(--ic-bg);color:var(--ic)}
        article.cert{border-top:1px dashed var(--line);padding-top:12px;margin-top:10px}
        article.cert header{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
        article.cert h4{margin:0 6px 0 0;font-size:15px;overflow-wrap:anywhere}
        .expiry,.chainstate{font-size:11.5px;font-weight:700;padding:1px 8px;border-radius:10px}
        .expiry.valid,.chainstate.trusted{background:var(--ok-bg);color:var(--ok)}.expiry.expiring-soon,.chainstate.untrusted{background:var(--warn-bg);color:var(--warn)}
        .expiry.expired,.chainstate.broken{background:var(--bad-bg);color:var(--bad)}.expiry.not-yet-valid{background:#eef1f5;color:var(--muted)}
        .file{font:12px ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted);margin:4px 0 8px;overflow-wrap:anywhere}
        svg.chain{max-width:100%;height:auto;display:block}
        .node rect{fill:#fff;stroke-width:2}.node.trusted rect{stroke:var(--ok);fill:#f6fcf8}.node.anchor rect{stroke:var(--ok);fill:var(--ok-bg);stroke-width:3}
        .node.untrusted rect{stroke:var(--warn);fill:#fffaf0}
        .missing rect{fill:var(--bad-bg);stroke:var(--bad);stroke-width:2;stroke-dasharray:7 5}
        .n-cn{font-size:13.5px;font-weight:700}.n-line{font-size:11.5px;fill:var(--muted)}.n-state{font-size:12px;font-weight:700}
        .node.anchor .n-state,.node.trusted .n-state{fill:var(--ok)}.node.untrusted .n-state{fill:var(--warn)}.missing .n-state,.missing .n-cn{fill:var(--bad)}
        .link{stroke:#5b6475;stroke-width:2}.arrowhead{fill:#5b6475}
        .link.broken{stroke:var(--bad);stroke-dasharray:6 5}.break-mark{fill:var(--bad);font-size:18px;font-weight:800}
        .chain-summary{margin:6px 0;font-size:13px}.chain-summary.broken{color:var(--bad)}.chain-summary.untrusted{color:var(--warn)}
        table.facts{border-collapse:collapse;font-size:12.5px;width:100%}
        table.facts th{text-align:left;color:var(--muted);font-weight:600;width:140px;padding:3px 10px 3px 0;vertical-align:top}
        table.facts td{padding:3px 0;overflow-wrap:anywhere;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
        dl.codes{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px 20px}
        .code-entry{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 12px}
        .code-entry:target{outline:3px solid var(--info)}
        .code-entry dt{font:700 13px ui-monospace,"DejaVu Sans Mono",monospace}.code-entry dd{margin:2px 0 0;color:var(--muted);font-size:12.5px}
        .none{color:var(--ok);font-weight:600}
        footer{color:var(--muted);font-size:12px;padding:24px;text-align:center}
        @media print{body{background:#fff}header.top{-webkit-print-color-adjust:exact;print-color-adjust:exact}section.set,article.cert{break-inside:avoid}nav.toc{display:none}}
        """;
}
