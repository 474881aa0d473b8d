using System.Text.RegularExpressions;

namespace CertInstaller.Core.Tests.IO;

/// <summary>
/// Issue 23 §6: Core reads and writes folders through <see cref="Core.IO.IFileSystem"/> (IO/ implements it), so the
/// fault-injection tests reach every reader. A direct File./Directory./FileStream call elsewhere fails here unless its
/// file is listed below with the reason it stays.
/// </summary>
public class PortUsageTests
{
    private static readonly Regex Direct = new(@"\b(File|Directory)\.[A-Z]\w*\(|\bRegularFile\.|new (FileStream|FileInfo|DirectoryInfo)\(", RegexOptions.Compiled);

    // Relative to src/CertInstaller.Core. Actions/ is the installer adapter's (issue 23 §1 moves it out of Core).
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Pki/Reading/PkiReader.cs"] = "Pki/Reading is issue 21's lane this round: it opens through RegularFile (no link, FIFO or device) and turns every I/O failure into a coded ReadError naming the file",
        ["Pki/Reading/CertificateSource.cs"] = "the same: a file or a folder named on the command line, read by PkiReader/FolderReader",
    };

    [Test]
    public void Core_OutsideIO_UsesNoDirectFileCallsButTheListedOnes()
    {
        var core = Path.Combine(Repository.Root, "src", "CertInstaller.Core");
        var files = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(core, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("IO/", StringComparison.Ordinal) && !f.StartsWith("Actions/", StringComparison.Ordinal)
                && !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .ToList();
        var offenders = files
            .SelectMany(f => File.ReadLines(Path.Combine(core, f)).Select((line, i) => (File: f, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && Direct.IsMatch(l.Text) && !Allowed.ContainsKey(l.File))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.That(files, Has.Count.GreaterThan(100), "Core's sources must be found");
        Assert.That(offenders, Is.Empty, "read and write through IFileSystem (a constructor taking it, PhysicalFileSystem by default)");
    }
}
