using System.Diagnostics;
using CertInstaller.Core.IO;
using CertInstaller.Harness.Common;
using CertInstaller.Harness.Tests.Golden;

namespace CertInstaller.Harness.Tests.Pipeline;

/// <summary>The progress line: what it writes to a (fake) terminal, its throttle, when it is shown at all, and a real
/// certharness run under a pseudo-terminal against the same run redirected.</summary>
public sealed class ProgressTests
{
    private const string Valid = "2027-06-01T00:00:00Z";

    [Test]
    public void Line_ShowsDoneTotalAndFolder_RewritesInPlace_AndIsClearedAtTheEnd()
    {
        var terminal = new StringWriter();
        var now = TimeSpan.Zero;
        var line = new ProgressLine(terminal, "validate", () => now);

        line.Report(new WorkProgress(1, 40, "ServerGroup"));
        now += ProgressLine.MinInterval;
        line.Report(new WorkProgress(2, 40, "Client/Local_Subsystems"));
        var shown = terminal.ToString();
        line.Dispose();

        Assert.That(shown, Is.EqualTo("\rcertharness validate: 1/40 files  ServerGroup\rcertharness validate: 2/40 files  Client/Local_Subsystems"));
        var cleared = terminal.ToString()[shown.Length..];
        Assert.That(cleared, Is.EqualTo("\r" + new string(' ', "certharness validate: 2/40 files  Client/Local_Subsystems".Length) + "\r"));
    }

    [Test]
    public void Line_PadsOverALongerPreviousLine()
    {
        var terminal = new StringWriter();
        var now = TimeSpan.Zero;
        var line = new ProgressLine(terminal, "digests", () => now);

        line.Report(new WorkProgress(1, 2, "a/very/long/folder/name"));
        now += ProgressLine.MinInterval;
        line.Report(new WorkProgress(2, 2, ""));

        var last = terminal.ToString().Split('\r')[^1];
        Assert.That(last, Is.EqualTo("certharness digests: 2/2 files  .".PadRight("certharness digests: 1/2 files  a/very/long/folder/name".Length)));
    }

    [Test]
    public void Line_DropsUpdatesWithinTheInterval()
    {
        var terminal = new StringWriter();
        var now = TimeSpan.Zero;
        var line = new ProgressLine(terminal, "backup create", () => now);

        for (var i = 1; i <= 1000; i++)
        {
            now = TimeSpan.FromMilliseconds(i); // 1000 files in one second
            line.Report(new WorkProgress(i, 1000, "ServerGroup"));
        }

        // At most one update per 100 ms: the first at 1 ms, then 101, 201, ... 901.
        Assert.That(terminal.ToString().Count(c => c == '\r'), Is.EqualTo(10));
    }

    [Test]
    public void Line_EscapesFolderNames_AndFitsEightyColumns()
    {
        var terminal = new StringWriter();
        var line = new ProgressLine(terminal, "validate", () => TimeSpan.Zero);

        line.Report(new WorkProgress(1, 1, "evil\u001b[2Jname/" + new string('x', 200)));

        var shown = terminal.ToString().TrimStart('\r');
        Assert.That(shown.IndexOf('\u001b', StringComparison.Ordinal), Is.EqualTo(-1), "ordinal: a culture-aware search ignores control characters");
        Assert.That(shown, Has.Length.LessThanOrEqualTo(ProgressLine.MaxWidth));
    }

    [Test]
    public void Line_NothingReported_WritesNothingAtTheEnd()
    {
        var terminal = new StringWriter();
        new ProgressLine(terminal, "validate").Dispose();

        Assert.That(terminal.ToString(), Is.Empty);
    }

    [TestCase(true, false, false, ExpectedResult = true)]
    [TestCase(false, false, false, ExpectedResult = false)]
    [TestCase(true, true, false, ExpectedResult = false)]
    [TestCase(true, false, true, ExpectedResult = false)]
    [TestCase(false, true, true, ExpectedResult = false)]
    public bool Wanted_OnlyOnATerminal_WithoutMachineOutputOrQuiet(bool terminal, bool machineOutput, bool quiet) =>
        ProgressLine.Wanted(terminal, machineOutput, quiet);

    [TestCase]
    [TestCase("--quiet")]
    [TestCase("--json")]
    [TestCase("--format", "text")]
    public void InProcess_OnATerminal_ProgressOnlyWithoutJsonFormatOrQuiet(params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = Cli.Run(["validate", GoldenSite.Shared["good"], "--at", Valid, .. extra], stdout, stderr, stderrIsTerminal: true);

        Assert.That(code, Is.Zero, stderr.ToString());
        Assert.That(stderr.ToString().Contains("\rcertharness validate: ", StringComparison.Ordinal), Is.EqualTo(extra.Length == 0), stderr.ToString());
        // No progress line's "\r" in stdout; Windows ends each line with "\r\n".
        Assert.That(stdout.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal), Does.Not.Contain("\r"));
    }

    [TestCase("validate", "<good>", "--at", Valid)]
    [TestCase("digests", "<good>")]
    [TestCase("backup", "create", "<good>", "--to", "<backups>")]
    public void InProcess_EachLongVerb_ShowsProgressOnATerminal(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var temp = new TempDir("ci-progress-");
        var backups = temp["Backups"];
        var resolved = args.Select(a => a.Replace("<good>", GoldenSite.Shared["good"]).Replace("<backups>", backups)).ToArray();

        var code = Cli.Run(resolved, stdout, stderr, stderrIsTerminal: true);

        Assert.That(code, Is.Zero, stderr.ToString());
        var verb = args[0] == "backup" ? "backup create" : args[0];
        Assert.That(stderr.ToString(), Does.Contain($"\rcertharness {verb}: 1/"));
        Assert.That(stderr.ToString(), Does.EndWith("\r"), "the line is cleared at the end");
    }

    [Test]
    public void Restore_OnATerminal_ShowsProgress()
    {
        using var temp = new TempDir("ci-progress-");
        var root = temp.Path;
        var certs = Path.Combine(root, "Certificates");
        CopyFolder(GoldenSite.Shared["good"], certs);
        Assert.That(HarnessRun.Of("backup", "create", certs, "--to", Path.Combine(root, "Backups")).Code, Is.Zero);
        Directory.Delete(Path.Combine(certs, "ServerGroup"), recursive: true);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = Cli.Run(["backup", "restore", certs, "--from", Path.Combine(root, "Backups")], stdout, stderr, stderrIsTerminal: true);

        Assert.That(code, Is.Zero, stderr.ToString());
        Assert.That(stderr.ToString(), Does.Contain("\rcertharness backup restore: 1/"));
    }

    [Test]
    public void RealProcess_UnderAPseudoTerminal_ShowsTheLine_AndRedirectedShowsNone()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = $"'{host}' '{Path.Combine(AppContext.BaseDirectory, "certharness.dll")}' validate '{GoldenSite.Shared["good"]}' --at {Valid}";

        // util-linux script(1) runs the command on a pseudo-terminal: stderr is a terminal, as for an admin.
        var terminal = Run("script", "-qec", command, "/dev/null");
        var redirected = Run("sh", "-c", command);

        Assert.That(terminal.Code, Is.Zero, terminal.Stdout);
        Assert.That(terminal.Stdout, Does.Contain("\rcertharness validate: "));
        Assert.That(redirected.Code, Is.Zero, redirected.Stderr);
        Assert.That(redirected.Stderr, Is.Empty);
        Assert.That(redirected.Stdout, Does.Not.Contain("\r"));
    }

    private static (int Code, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
