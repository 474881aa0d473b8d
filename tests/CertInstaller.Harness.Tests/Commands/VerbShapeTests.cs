using System.Text.RegularExpressions;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>Issue 23 §7: README's "one verb per file under Commands/" and "every verb prints through one renderer" stay
/// true: each file declares at most one command, and none writes to stdout except through Rendering/Renderer.</summary>
public class VerbShapeTests
{
    private static readonly string CommandsDir = Path.Combine(Repository.Root, "harness", "CertInstaller.Harness", "Commands");

    private static IEnumerable<string> CommandFiles() => Directory.EnumerateFiles(CommandsDir, "*.cs").Order(StringComparer.Ordinal);

    [Test]
    public void CommandsFolder_DeclaresOneVerbPerFile()
    {
        var crowded = CommandFiles()
            .Select(f => (File: Path.GetFileName(f), Verbs: Regex.Matches(File.ReadAllText(f), @"new Command\(").Count))
            .Where(f => f.Verbs > 1).Select(f => $"{f.File}: {f.Verbs} verbs").ToList();

        Assert.That(CommandFiles().Count(), Is.GreaterThanOrEqualTo(15), "the folder must be found");
        Assert.That(crowded, Is.Empty, "split the sub-verbs into one file each (BackupCreateCommand, ...)");
    }

    [Test]
    public void CommandsFolder_WritesStdoutOnlyThroughTheRenderer()
    {
        // stdout is InvocationConfiguration.Output (or a writer handed on from it, named output); stderr lines are errors.
        var direct = new Regex(@"\b(Output|output|Console)\.Write");
        var offenders = CommandFiles().SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => direct.IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();

        Assert.That(offenders, Is.Empty, "print a view through Renderer.Render instead");
    }
}
