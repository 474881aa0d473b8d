using CertInstaller.Core.Codes;
using CertInstaller.Core.Validation;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Rendering;

/// <summary>
/// The testcases of the pipeline verbs' views. A testcase is one check of one file, named "<c>CODE path</c>": the
/// code is the check (validate: CI1001, the file was read and judged, plus one per finding; digests: CI3005 the
/// digest, CI3001 the chain with --verify-chains; chain: CI3001 on the leaf, or one per problem on the file of the
/// certificate concerned). A passing file keeps its
/// passing testcase so a pipeline shows what was checked. Findings that fail the run (at or above the policy's
/// failAt) are failures; warnings and info pass, with the finding in system-out.
/// </summary>
internal static class JUnitCases
{
    private static readonly string ReadCheck = CodeRegistry.Of(FindingCode.UnreadableFile).Text;
    private static readonly string ChainCheck = CodeRegistry.Of(FindingCode.ChainNotTrusted).Text;
    private static readonly string DigestCheck = CodeRegistry.Of(FindingCode.WeakDigest).Text;

    public static JUnitSuite Of(object view) => view switch
    {
        ValidateView v => Validate(v),
        DigestsView d => Digests(d),
        ChainView c => Chain(c),
        _ => throw new InvalidOperationException($"{view.GetType().Name} has no JUnit form; only validate, digests and chain print --format junit"),
    };

    private static JUnitSuite Validate(ValidateView view)
    {
        var suiteClass = "certharness." + view.Verb;
        var failAt = Rank(view.FailAt);
        var cases = view.Findings.Select(f => (Path: PathOf(f.Path), Code: f.Code, Case: Rank(f.Severity) >= failAt
                ? new JUnitCase($"{f.Code} {PathOf(f.Path)}", suiteClass) { Failure = new JUnitFailure(f.Message, f.Code, $"{f.Severity} {f.Code} {f.Name}: {f.Message}") }
                : new JUnitCase($"{f.Code} {PathOf(f.Path)}", suiteClass) { SystemOut = $"{f.Severity} {f.Code} {f.Name}: {f.Message}" }))
            .ToList();
        var read = new HashSet<string>(view.Findings.Where(f => f.Code == ReadCheck).Select(f => PathOf(f.Path)), StringComparer.Ordinal);
        cases.AddRange(view.Files.Where(f => !read.Contains(f)).Select(f => (Path: f, Code: ReadCheck, Case: new JUnitCase($"{ReadCheck} {f}", suiteClass))));
        return new JUnitSuite(view.Verb + " " + view.Folder, view.At,
            cases.OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Case).ToList());
    }

    private static JUnitSuite Digests(DigestsView view)
    {
        const string Class = "certharness.digests";
        var cases = new List<JUnitCase>();
        foreach (var f in view.Files)
        {
            var what = $"{f.Subject}: {f.Kind} signed with {f.Digest} ({f.Algorithm}); required: {view.Minimum}";
            cases.Add(f.Ok
                ? new JUnitCase($"{DigestCheck} {f.Path}", Class) { SystemOut = what }
                : new JUnitCase($"{DigestCheck} {f.Path}", Class)
                {
                    Failure = new JUnitFailure(what, DigestCheck, $"WeakDigest: {what}. Fix: reissue it with the required digest (IC-issued ones: IC's Manage Certificate Digest)"),
                });
            if (f.ChainValid is { } valid)
            {
                cases.AddRange(valid || f.ChainProblems is not { Count: > 0 }
                    ? [new JUnitCase($"{ChainCheck} {f.Path}", Class) { Failure = valid ? null : new JUnitFailure("the chain does not verify", ChainCheck, "ChainNotTrusted") }]
                    : f.ChainProblems.Select(p => Problem(p, f.Path, Class)));
            }
        }

        cases.AddRange(view.Skipped.Select(s => new JUnitCase($"{s.Code} {s.Path}", Class) { Skipped = s.Problem }));
        return new JUnitSuite("digests " + view.Folder, view.At, cases);
    }

    private static JUnitSuite Chain(ChainView view)
    {
        const string Class = "certharness.chain";
        var leaf = view.Leaf ?? string.Empty;
        var cases = view.Valid || view.Problems.Count == 0
            ? [new JUnitCase($"{ChainCheck} {leaf}", Class)
            {
                SystemOut = view.Valid ? string.Join(" <- ", view.Path) + (view.Anchor is null ? string.Empty : $" (anchor: {view.Anchor})") : null,
                Failure = view.Valid ? null : new JUnitFailure("the chain does not verify", ChainCheck, "ChainNotTrusted"),
            }]
            : view.Problems.Select(p => Problem(p, p.File ?? leaf, Class)).ToList(); // the file of the certificate concerned: one name per problem
        cases.AddRange((view.Warnings ?? []).Select(w => new JUnitCase($"{w.CodeText ?? w.Code} {w.File ?? leaf}", Class) { SystemOut = $"warning {w.Code}: {w.Message}" }));
        return new JUnitSuite("chain " + leaf, view.At, cases);
    }

    private static JUnitCase Problem(ProblemView p, string path, string classname)
    {
        var code = p.CodeText ?? p.Code;
        return new JUnitCase($"{code} {path}", classname) { Failure = new JUnitFailure(p.Message, code, $"{p.Code}: {p.Message}") };
    }

    private static string PathOf(string path) => path.Length == 0 ? "." : path;

    private static int Rank(string severity) => severity switch
    {
        "error" => 2,
        "warning" => 1,
        _ => 0,
    };
}
