using CertInstaller.Harness.Views;
using static CertInstaller.Core.Text.Printable;

namespace CertInstaller.Harness.Rendering;

/// <summary>Writes views as readable text. Every value that comes from a file (names, paths, SANs, labels) is escaped:
/// a control character or bidirectional override in a crafted certificate or file name cannot forge a line or drive the
/// terminal.</summary>
internal static partial class TextRenderer
{
    /// <summary>The text form of any view a verb prints (the dispatch <see cref="Renderer"/> uses).</summary>
    public static void Write(object view, TextWriter o)
    {
        switch (view)
        {
            case IReadOnlyList<ObjectView> objects: Write(objects, o); break;
            case CsrCheckView csr: Write(csr, o); break;
            case ChainView chain: Write(chain, o); break;
            case DigestsView digests: Write(digests, o); break;
            case DigestBaselineView baseline: Write(baseline, o); break;
            case ValidateView validate: Write(validate, o); break;
            case SnapshotCreatedView created: Write(created, o); break;
            case IReadOnlyList<SnapshotListItemView> list: Write(list, o); break;
            case BackupVerifyView verify: Write(verify, o); break;
            case RestoreView restore: Write(restore, o); break;
            case PreserveView preserve: Write(preserve, o); break;
            case ImportCheckView import: Write(import, o); break;
            case LintConfigView lint: Write(lint, o); break;
            case CsrCreateView created: Write(created, o); break;
            case PfxCreateView pfx: Write(pfx, o); break;
            case SampleFolderView sample: Write(sample, o); break;
            case SampleHierarchyView hierarchy: Write(hierarchy, o); break;
            case DemoStepView step: Write(step, o); break;
            case DemoVerdictView verdict: Write(verdict, o); break;
            default: throw new InvalidOperationException($"{view.GetType().Name} has no text form: add it to {nameof(TextRenderer)}");
        }
    }

    public static void Write(IReadOnlyList<ObjectView> objects, TextWriter o)
    {
        foreach (var view in objects)
        {
            o.WriteLine($"{Escape(view.File)} #{view.Index}: {view.Kind}{(view.Encoding is null ? string.Empty : $" ({view.Encoding})")}");
            WriteBody(view, o, "  ");
            o.WriteLine();
        }
    }

    public static void Write(CsrCheckView view, TextWriter o)
    {
        o.WriteLine($"{Escape(view.File)}: csr");
        WriteBody(view.Csr, o, "  ");
        o.WriteLine(view.Ok ? "result: OK, the CSR meets the policy" : $"result: {view.Findings.Count} finding(s)");
        foreach (var f in view.Findings)
        {
            o.WriteLine($"  [{f.Code}] {Escape(f.Message)}");
        }

        foreach (var w in view.Warnings)
        {
            o.WriteLine($"  warning [{w.Code}] {w.Message}");
        }
    }

    /// <summary>The body of one object (as inspect prints it), for the verbs that create objects.</summary>
    public static void WriteObject(ObjectView view, TextWriter o, string indent) => WriteBody(view, o, indent);

    public static void Write(ChainView view, TextWriter o)
    {
        o.WriteLine($"chain of {Escape(view.Leaf)}: {(view.Valid ? "VALID" : "INVALID")}");
        for (var i = 0; i < view.Path.Count; i++)
        {
            o.WriteLine($"  {i}: {Escape(view.Path[i])}");
        }

        o.WriteLine($"  anchor: {Escape(view.Anchor ?? "(none reached)")}");
        foreach (var p in view.Problems)
        {
            // Chain messages name their certificate themselves; prefix the subject only where one does not.
            var named = p.Subject is null || p.Message.Contains(p.Subject, StringComparison.Ordinal);
            o.WriteLine(named ? $"  [{p.Code}] {Escape(p.Message)}" : $"  [{p.Code}] {Escape(p.Subject)}: {Escape(p.Message)}");
        }

        foreach (var w in view.Warnings ?? [])
        {
            o.WriteLine($"  warning [{w.Code}] {Escape(w.Message)}");
        }
    }

    public static void Write(DigestsView view, TextWriter o)
    {
        WriteDigestsHeader(view.Minimum, o);
        var width = DigestsWidth(view.Files.Count == 0 ? 0 : view.Files.Max(f => f.Path.Length));
        foreach (var f in view.Files)
        {
            WriteDigestLine(f, width, o);
        }

        WriteDigestsFooter(view.Minimum, view.Files.Count, view.Files.Count(f => !f.Ok), view.Skipped, view.Chains, o);
    }

    // The digests listing in three parts, so a streamed scan writes each line as it is produced (DigestsCommand) and
    // prints exactly what the whole view would.
    public static void WriteDigestsHeader(string minimum, TextWriter o) => o.WriteLine($"minimum digest: {minimum}");

    /// <summary>The path column's width for paths up to <paramref name="longestPath"/> characters.</summary>
    public static int DigestsWidth(int longestPath) => Math.Min(60, longestPath);

    public static void WriteDigestLine(DigestFileView f, int width, TextWriter o)
    {
        var chain = f.ChainValid is null ? string.Empty
            : f.ChainValid.Value ? "  chain OK" : "  chain " + string.Join(",", f.ChainProblems!.Select(p => p.Code));
        o.WriteLine($"  {(f.Ok ? "ok  " : "WEAK")}  {f.Digest,-8}  {Escape(f.Path).PadRight(width)}  {Escape(f.Subject)}{chain}");
    }

    public static void WriteDigestsFooter(string minimum, int signed, int weak, IReadOnlyList<SkippedView> skipped, ChainSummaryView? chains, TextWriter o)
    {
        foreach (var s in skipped)
        {
            o.WriteLine($"  skip  {Escape(s.Path)}: {Escape(s.Problem)}");
        }

        o.WriteLine($"{signed} signed object(s), {weak} below {minimum}, {skipped.Count} file(s) skipped");
        if (chains is { } c)
        {
            o.WriteLine($"{c.Verified} chain(s) verified, {c.Invalid} invalid, {c.SignatureVerifications} signature verification(s)");
        }
    }

    private static void WriteBody(ObjectView v, TextWriter o, string indent)
    {
        void Line(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                o.WriteLine($"{indent}{label,-16}{Escape(value)}");
            }
        }

        Line("format:", v.Format);
        Line("subject:", v.Subject);
        Line("issuer:", v.Issuer);
        Line("serial:", v.Serial);
        Line("not before:", v.NotBefore);
        Line("not after:", v.NotAfter);
        Line("SANs:", v.Sans is { Count: > 0 } s ? string.Join(", ", s.Select(x => $"{x.Type}:{x.Value}")) : null);
        Line("public key:", v.PublicKey is { } k ? $"{k.Algorithm} {k.Bits} bits{(k.Curve is null ? string.Empty : " " + k.Curve)}" : null);
        Line("signature:", v.Signature is { } sig ? $"{sig.Algorithm} ({sig.Digest})" : null);
        Line("signature ok:", v.SignatureValid is { } ok ? (ok ? "yes" : "NO, the signature does not verify") : null);
        Line("requested ext:", v.RequestedExtensions is { Count: > 0 } r ? string.Join(", ", r) : null);
        Line("basic constr.:", v.BasicConstraints is { } bc ? (bc.Ca ? "CA" + (bc.PathLength is { } p ? $", path length {p}" : string.Empty) : "not a CA") : null);
        Line("key usage:", v.KeyUsage is { } ku ? string.Join(", ", ku) : null);
        Line("ext key usage:", v.ExtendedKeyUsage is { } eku ? string.Join(", ", eku) : null);
        Line("subject key id:", v.SubjectKeyId);
        Line("auth. key id:", v.AuthorityKeyId);
        Line("sha1:", v.Fingerprints?.Sha1);
        Line("sha256:", v.Fingerprints?.Sha256);
        Line("matches:", v.MatchingCertificates is { } m ? (m.Count == 0 ? "no inspected certificate" : string.Join("; ", m)) : null);
        Line("friendly name:", v.FriendlyName);
        Line("key:", v.HasKey == false ? "no key" : null);
        Line("key matches:", v.KeyMatchesCertificate is { } km ? (km ? "yes, the key matches the first certificate" : "NO") : null);
        Line("key cipher:", v.Encryption?.Key);
        Line("cert cipher:", v.Encryption?.Certificates);
        Line("MAC:", v.Encryption is { MacDigest: { } mac } e ? mac + (e.MacIterations is { } n ? $", {n} iterations" : string.Empty) : null);
        foreach (var (label, list) in new[] { ("certificate", v.Certificates), ("key", v.Keys) })
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                o.WriteLine($"{indent}{label} {i}:");
                WriteBody(list![i], o, indent + "  ");
            }
        }
    }
}
