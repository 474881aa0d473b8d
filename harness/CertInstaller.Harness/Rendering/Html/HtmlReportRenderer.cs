using System.Globalization;
using System.Xml;
using CertInstaller.Core.Validation;

namespace CertInstaller.Harness.Rendering.Html;

/// <summary>
/// Writes a <see cref="HtmlReportModel"/> as one self-contained HTML page: inline CSS and inline SVG, no script, no font,
/// no image and no link to anything outside the page (servers are often offline). Same model, same bytes.
/// </summary>
public static partial class HtmlReportRenderer
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
}
