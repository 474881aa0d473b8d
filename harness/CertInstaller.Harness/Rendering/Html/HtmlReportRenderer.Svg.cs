namespace CertInstaller.Harness.Rendering.Html;

// The inline SVG pictures (moved here unchanged): the expiry timeline and each certificate's chain picture.
public static partial class HtmlReportRenderer
{
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
}
