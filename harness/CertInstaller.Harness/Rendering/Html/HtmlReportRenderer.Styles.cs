namespace CertInstaller.Harness.Rendering.Html;

// The page's inline CSS (moved here unchanged).
public static partial class HtmlReportRenderer
{
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
