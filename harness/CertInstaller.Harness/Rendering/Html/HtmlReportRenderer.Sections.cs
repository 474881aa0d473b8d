namespace CertInstaller.Harness.Rendering.Html;

// The sections of the page (moved here unchanged): the findings table, the certificate sets with their certificate cards, the codes.
public static partial class HtmlReportRenderer
{
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
}
