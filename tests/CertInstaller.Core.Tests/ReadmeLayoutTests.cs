using System.Text.RegularExpressions;

namespace CertInstaller.Core.Tests;

/// <summary>
/// Issue 23 §7: README's "Layout of the code" table names every folder of every project under src/ and harness/ (bin
/// and obj aside), and names no sub-folder that is gone. A row's first cell holds one or more `path`s: a project
/// (`src/CertInstaller.Core`) or a top-level folder (`tests/`) starts a group, and the folders after it are relative to
/// it (`  Pki/Chains/`).
/// </summary>
public class ReadmeLayoutTests
{
    private static readonly string[] CheckedRoots = ["src", "harness"];

    [Test]
    public void LayoutTable_NamesEveryFolderOfEveryProject()
    {
        var named = NamedFolders(TableRows(ReadmeLines())).Select(n => n.Path).ToHashSet(StringComparer.Ordinal);
        var folders = ProjectFolders().ToList();

        Assert.That(folders, Has.Count.GreaterThanOrEqualTo(30), "the walk must find the projects' folders");
        Assert.That(folders.Where(f => !named.Contains(f)), Is.Empty, "add a row to README.md's \"Layout of the code\" table for each");
    }

    [Test]
    public void LayoutTable_NamesNoFolderThatIsGone()
    {
        var root = Repository.Root;
        var gone = NamedFolders(TableRows(ReadmeLines()))
            .Where(n => !n.IsGroup && CheckedRoots.Any(r => n.Path.StartsWith(r + "/", StringComparison.Ordinal)))
            .Where(n => !Directory.Exists(Path.Combine(root, n.Path)))
            .Select(n => n.Path).ToList();

        Assert.That(gone, Is.Empty, "README.md's layout table names folders that no longer exist: remove or rename the rows");
    }

    [Test]
    public void NamedFolders_WhenRowsAreIndentedUnderAProject_ResolvesThemAgainstIt()
    {
        string[] table =
        [
            "| `src/CertInstaller.Core` | all |",
            "| `  Pki/Chains/`, `Text/` | two |",
            "| `harness/CertInstaller.Harness` | certharness |",
            "| `  Rendering/Html/` | html |",
        ];

        var named = NamedFolders(table).Select(n => n.Path);
        var fromReadme = NamedFolders(TableRows(ReadmeLines())).Select(n => n.Path).ToList();


        Assert.That(named, Is.EqualTo(new[]
        {
            "src/CertInstaller.Core", "src/CertInstaller.Core/Pki/Chains", "src/CertInstaller.Core/Text",
            "harness/CertInstaller.Harness", "harness/CertInstaller.Harness/Rendering/Html",
        }));
        Assert.That(fromReadme, Does.Contain("src/CertInstaller.Core/Pki/Signatures").And.Contain("tests/CertInstaller.TestSupport"), "the README's table is found");
    }

    /// <summary>The rows of the table under "## Layout of the code".</summary>
    private static IEnumerable<string> TableRows(IEnumerable<string> lines) =>
        lines.SkipWhile(l => !l.StartsWith("## Layout of the code", StringComparison.Ordinal))
            .SkipWhile(l => !l.StartsWith("| path |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'));

    /// <summary>The folders the rows name: each project or top-level folder (a group), and each folder after it, relative to it.</summary>
    private static List<(string Path, bool IsGroup)> NamedFolders(IEnumerable<string> rows)
    {
        string[] tops = [.. CheckedRoots, "tests", "installer", "bench"];
        var named = new List<(string, bool)>();
        var group = string.Empty;
        foreach (var row in rows)
        {
            foreach (Match m in Regex.Matches(row.Split('|')[1], "`([^`]+)`"))
            {
                var text = m.Groups[1].Value;
                var path = text.Trim().TrimEnd('/');
                if (!text.StartsWith(' ') && tops.Any(t => path == t || path.StartsWith(t + "/", StringComparison.Ordinal)))
                {
                    group = path;
                    named.Add((path, true));
                }
                else
                {
                    named.Add((group.Length == 0 ? path : group + "/" + path, false));
                }
            }
        }

        return named;
    }

    private static IEnumerable<string> ProjectFolders()
    {
        var root = Repository.Root;
        foreach (var top in CheckedRoots)
        {
            foreach (var project in Directory.EnumerateDirectories(Path.Combine(root, top)))
            {
                yield return Relative(root, project);
                foreach (var folder in Directory.EnumerateDirectories(project, "*", SearchOption.AllDirectories)
                             .Where(d => !Relative(project, d).Split('/').Any(s => s is "bin" or "obj" || s.StartsWith('.'))))
                {
                    yield return Relative(root, folder);
                }
            }
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string[] ReadmeLines() => File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
}
