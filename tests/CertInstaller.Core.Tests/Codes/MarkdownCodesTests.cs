namespace CertInstaller.Core.Tests.Codes;

/// <summary>
/// Issue 23 §4: every <c>CI&lt;number&gt;</c> written in a markdown file of the repository is a code the registry prints, as
/// written (README once said CI3040 where the code prints CI10040, and Backup/README.md CI3101–CI3109 for snapshot
/// verification, which prints CI10101–CI10109).
/// </summary>
public sealed class MarkdownCodesTests
{
    // Build output, packages and tool folders hold no docs of ours (hidden folders, .git and .vs, are skipped too).
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "artifacts", "node_modules", "TestResults" };

    [Test]
    public void EveryMarkdownFile_WritesOnlyCodesTheRegistryPrints()
    {
        var root = Repository.Root;
        var files = MarkdownFiles(new DirectoryInfo(root)).ToList();

        var problems = files.SelectMany(f => MarkdownCodeScanner.Registry.Problems(File.ReadAllText(f))
            .Select(p => $"{Path.GetRelativePath(root, f).Replace('\\', '/')} {p}")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')), Has.Member("docs/codes.md"), "the walk missed the docs");
            Assert.That(problems, Is.Empty, "codes written in markdown that the registry does not print so: write the number the code prints (docs/codes.md)");
        });
    }

    [TestCase("refused with `CI3040` before anything is listed", "CI3040: no code has this number")]
    [TestCase("A snapshot that fails (`CI3101`-\n  `CI3109`; `NotPrivate` = planted)", "CI3101`- `CI3109: written beside NotPrivate")]
    [TestCase("problems coded CI11001–CI11098", "CI11001–CI11098: no code has the number 11098")]
    [TestCase("the CSR codes CI8101–CI8198", "CI8101–CI8198: no code has the number 8198")]
    [TestCase("the codes CI1001–CI3101", "CI1001–CI3101: the ends are in different areas")]
    [TestCase("CI3109–3101", "CI3109–3101: the range runs backwards")]
    [TestCase("one testcase per problem (`CI13xx`)", "CI13xx: no code matches this pattern")]
    [TestCase("is refused (`CI10052 PathTooLong`)", "CI10052: written beside PathTooLong, but CI10052 is StagingTampered")]
    [TestCase("fails with `WeakDigest` (CI3148)", "CI3148: written beside WeakDigest, but CI3148 is WeakSignatureDigest")]
    [TestCase("e.g. `CI99999999999`", "CI99999999999: no code has this number")]
    public void Problems_WhenStale_NamesTheMentionAndTheProblem(string text, string expected)
    {
        var problems = MarkdownCodeScanner.Registry.Problems(text).ToList();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("line ").And.Contain(expected));
    }

    [TestCase("refused with `CI10040` before anything is listed")]
    [TestCase("A snapshot that fails (`CI10101`-\n  `CI10109`; `NotPrivate` = planted)")]
    [TestCase("problems coded CI11001–CI11099 (the area's range, as CodeRegistry.RangeOf has it)")]
    [TestCase("the CSR codes CI8101–8137, whose gap (8121 to 8129) is allowed between the ends")]
    [TestCase("one testcase per chain problem (`CI31xx`), read errors `CI11xx`, verification `CI10xxx`")]
    [TestCase("is refused (`CI10052 StagingTampered`), e.g. `CI10005,SnapshotNotFound,...` or `CI1101,Unreadable,...`")]
    [TestCase("fails with `WeakSignatureDigest` (CI3148); `CI3005` (WeakDigest); CI3001 Every word, CI in prose, CIx")]
    public void Problems_WhenAsPrinted_None(string text)
    {
        Assert.That(MarkdownCodeScanner.Registry.Problems(text), Is.Empty);
    }

    [Test]
    public void Problems_CountLines()
    {
        Assert.That(MarkdownCodeScanner.Registry.Problems("ok CI1001\n\nstale CI3040").Single(), Does.StartWith("line 3: CI3040:"));
    }

    private static IEnumerable<string> MarkdownFiles(DirectoryInfo dir)
    {
        foreach (var file in dir.EnumerateFiles("*.md")) yield return file.FullName;
        foreach (var sub in dir.EnumerateDirectories())
        {
            if (sub.Name.StartsWith('.') || Skipped.Contains(sub.Name) || sub.Attributes.HasFlag(FileAttributes.ReparsePoint)) continue;
            foreach (var file in MarkdownFiles(sub)) yield return file;
        }
    }
}
