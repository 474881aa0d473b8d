using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Rendering;

/// <summary>Text forms of the folder, backup and creation verbs (moved here from each verb's inline text, unchanged).</summary>
internal static partial class TextRenderer
{
    public static void Write(ValidateView view, TextWriter o)
    {
        foreach (var f in view.Findings)
        {
            o.WriteLine($"{f.Severity,-7} {f.Code} {(f.Path.Length == 0 ? "." : f.Path)}: {f.Message}");
        }

        o.WriteLine($"{view.Folder}: {(view.Valid ? "valid" : "NOT valid")} ({view.Findings.Count(f => f.Severity == "error")} errors, "
                    + $"{view.Findings.Count(f => f.Severity == "warning")} warnings, {view.Findings.Count(f => f.Severity == "info")} info)");
    }

    public static void Write(SnapshotCreatedView view, TextWriter o) =>
        o.WriteLine($"snapshot {view.Id}: {view.Files} files ({view.ThirdParty.Count} third-party) in {view.Path}");

    public static void Write(IReadOnlyList<SnapshotListItemView> snapshots, TextWriter o)
    {
        foreach (var s in snapshots)
        {
            var damage = s.Intact ? string.Empty : "  DAMAGED: " + s.ProblemText;
            o.WriteLine(s.Created is { } created
                ? $"{s.Id}  {created:yyyy-MM-dd HH:mm}Z  {s.Files,4} files  {s.ThirdParty,4} third-party  {s.Reason}{damage}"
                : $"{s.Id}  {damage.TrimStart()}");
        }
    }

    public static void Write(BackupVerifyView view, TextWriter o)
    {
        foreach (var s in view.Snapshots)
        {
            o.WriteLine($"{s.Id}: {(s.Intact ? $"ok ({s.FilesChecked} files)" : "DAMAGED")}");
            foreach (var issue in s.Issues)
            {
                o.WriteLine($"  {issue.Code} {issue.Name} {issue.Path}: {issue.Message}");
            }
        }

        if (view.Snapshots.Count == 0)
        {
            o.WriteLine($"{view.Root}: no snapshot");
        }
    }

    public static void Write(RestoreView view, TextWriter o)
    {
        foreach (var f in view.Files)
        {
            o.WriteLine($"{f.Action,-10} {f.Path}{(f.DisplacedPath is null ? "" : $" (live copy kept in {f.DisplacedPath})")}");
        }

        o.WriteLine($"restored snapshot {view.Snapshot} into {view.Folder}: {view.Summary}");
        foreach (var d in view.Store)
        {
            o.WriteLine($"  [{d.Code}] {d.Severity} {d.Store}: {d.Message} Fix: {d.Fix}");
        }
    }

    public static void Write(PreserveView view, TextWriter o)
    {
        foreach (var f in view.Files)
        {
            o.WriteLine($"{f.Decision,-20} {f.Path}: {f.Reason}");
        }

        o.WriteLine($"preserve from {view.Snapshot}: {view.Summary}");
        if (view.Orphans.Count > 0)
        {
            o.WriteLine($"validate will fail: {view.Orphans.Count} file(s) belong to a Server Group that is no longer the folder's (preserve leaves them in place):");
        }

        foreach (var f in view.Orphans)
        {
            o.WriteLine($"  [{f.Code}] {f.Path}: {f.Message}");
        }
    }

    public static void Write(DigestBaselineView view, TextWriter o)
    {
        o.WriteLine($"baseline: {view.Baseline}; target: {(view.Exact ? "exactly " : "at least ")}{view.Target}");
        var width = view.Files.Count == 0 ? 4 : Math.Min(60, view.Files.Max(f => f.Path.Length));
        foreach (var f in view.Files)
        {
            var kept = f.KeyKept is null ? string.Empty : $"  key {(f.KeyKept.Value ? "kept" : "NEW")}, subject {(f.SubjectKept == true ? "kept" : "CHANGED")}";
            o.WriteLine($"  {(f.Ok ? "ok  " : "WEAK")}  {f.Change,-9}  {f.DigestBefore ?? "-",-8} -> {f.DigestAfter ?? "-",-8}  {f.Path.PadRight(width)}{kept}");
        }

        o.WriteLine($"{view.Summary.Resigned} resigned, {view.Summary.Unchanged} unchanged, {view.Summary.Added} added, {view.Summary.Removed} removed");
        o.WriteLine(view.StillSha1.Count == 0 ? "no certificate is still SHA-1" : $"still SHA-1: {string.Join(", ", view.StillSha1)}");
        foreach (var s in view.StaleFolders)
        {
            o.WriteLine($"STALE {s.Folder}: still holds the old issuer '{s.OldIssuer}' ({string.Join(", ", s.Files)}); its component needs new certificates");
        }
    }

    public static void Write(ImportCheckView view, TextWriter o)
    {
        o.WriteLine($"{view.Certificate} against {view.Csr}: {(view.Ok ? "OK" : "PROBLEMS")}");
        o.WriteLine($"  subject: {view.Subject}");
        foreach (var c in view.Checks)
        {
            o.WriteLine($"  {c.Result,-7}  {c.Check,-10}  {(c.Code is null ? string.Empty : $"[{c.Code}] ")}{c.Message}");
        }
    }

    public static void Write(LintConfigView view, TextWriter o)
    {
        o.WriteLine($"{view.File}: openssl req configuration");
        o.WriteLine($"  subject:        {(view.Subject.Length == 0 ? "(no defaults)" : view.Subject)}");
        o.WriteLine($"  SANs:           {(view.Sans.Count == 0 ? "(none)" : string.Join(", ", view.Sans.Select(s => $"{s.Type}:{s.Value}")))}");
        o.WriteLine(view.Ok ? "result: OK, no pitfall found" : $"result: {view.Findings.Count} finding(s)");
        foreach (var f in view.Findings)
        {
            o.WriteLine($"  [{f.Code}] {f.Message}");
        }
    }

    public static void Write(CsrCreateView view, TextWriter o)
    {
        o.WriteLine(view.Written
            ? $"wrote {view.Csr}" + (view.KeyReused ? $" (reusing the key {view.Key})" : $" and the private key {view.Key} ({view.KeyType}, {view.KeyPermissions})")
            : $"nothing written: the CSR would not meet the policy ({view.Findings.Count} finding(s))");
        WriteBody(view.Request, o, "  ");
        foreach (var f in view.Findings)
        {
            o.WriteLine($"  [{f.Code}] {f.Message}");
        }

        foreach (var w in view.Warnings)
        {
            o.WriteLine($"  warning [{w.Code}] {w.Message}");
        }
    }

    public static void Write(PfxCreateView view, TextWriter o)
    {
        if (!view.Written)
        {
            o.WriteLine($"nothing written to {view.File}");
            foreach (var f in view.Findings)
            {
                o.WriteLine($"  [{f.Code}] {f.Message}");
            }

            return;
        }

        o.WriteLine($"wrote {view.File} and verified it: the key matches the certificate, {view.Certificates} certificate(s)");
        o.WriteLine($"  subject:        {view.Subject}");
        o.WriteLine($"  friendly name:  {view.FriendlyName}");
        o.WriteLine($"  key:            {view.KeyEncryption}");
        o.WriteLine($"  certificates:   {view.CertificateEncryption}");
        o.WriteLine($"  MAC:            {view.MacDigest}");
    }

    public static void Write(SampleFolderView view, TextWriter o) => o.WriteLine($"{view.Root}: {view.Files} files, {view.ThirdParty} third-party");

    public static void Write(SampleHierarchyView view, TextWriter o) => o.WriteLine(view.Anchor);

    public static void Write(DemoStepView view, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"[{view.Number}] {view.Title}");
        foreach (var line in view.Lines)
        {
            o.WriteLine("  " + line);
        }
    }

    public static void Write(DemoVerdictView view, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"verdict: {view.Verdict}");
    }
}
