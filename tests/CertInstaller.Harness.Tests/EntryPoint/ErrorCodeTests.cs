using CertInstaller.Core.Codes;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Harness.EntryPoint;

namespace CertInstaller.Harness.Tests.EntryPoint;

/// <summary>Every error line certharness prints carries its registry code after the verb, with exit code 2: tests and
/// pipelines match the code, never the wording (command-line syntax errors stay System.CommandLine's, see README).</summary>
public sealed class ErrorCodeTests
{
    private static SampleSite Site => SampleSite.Shared;

    private TempDir _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDir("ci-codes-");

    [TearDown]
    public void TearDown() => _temp.Dispose();

    // <x> is the sample file x, <tmp:x> a path x in an empty temporary folder, <ic> the sample certificates folder.
    [TestCase(InputErrorCode.OptionValueInvalid, "chain", "<server.pem>", "--purpose", "everything")]
    [TestCase(InputErrorCode.OptionValueInvalid, "chain", "<server.pem>", "--max-depth", "0")]
    [TestCase(InputErrorCode.OptionValueInvalid, "chain", "<server.pem>", "--at", "yesterday")]
    [TestCase(InputErrorCode.OptionValueInvalid, "digests", "<ic>", "--min", "SHA-2")]
    [TestCase(InputErrorCode.OptionsConflict, "validate", "<ic>", "--json", "--format", "junit")]
    [TestCase(InputErrorCode.OptionsConflict, "digests", "<ic>", "--min", "SHA-1", "--exact", "SHA-256")]
    [TestCase(InputErrorCode.InputNotFound, "digests", "<ic>", "--baseline", "<tmp:missing>")]
    [TestCase(InputErrorCode.InputNotFound, "chain", "<server.pem>", "--trust", "<tmp:missing.pem>")]
    [TestCase(InputErrorCode.InputWrongKind, "validate", "<server.pem>")]
    [TestCase(InputErrorCode.NothingOfThatKind, "chain", "<server-key.p8>")]
    [TestCase(InputErrorCode.NothingOfThatKind, "csr", "<server.pem>")]
    [TestCase(InputErrorCode.OutputExists, "csr", "create", "--subject", "CN=ic1.example.test", "--out-csr", "<good.csr>", "--out-key", "<tmp:new.key>")]
    [TestCase(InputErrorCode.InputMissing, "csr", "create", "--out-csr", "<tmp:new.csr>", "--out-key", "<tmp:new.key>")]
    [TestCase(InputErrorCode.PasswordFileUnusable, "inspect", "<server.pfx>", "--password-file", "<tmp:missing.txt>")]
    public void Run_WhenInputIsRefused_PrintsItsCodeAndExitsTwo(InputErrorCode code, params string[] args)
    {
        var run = HarnessRun.Of(args.Select(Resolve).ToArray());

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.ErrorCode, Is.EqualTo(CodeRegistry.Of(code).Text), run.ToString());
        Assert.That(Directory.EnumerateFileSystemEntries(_temp.Path), Is.Empty, "a refused run writes nothing");
    }

    [TestCase("truncated.cer")]
    [TestCase("empty.cer")]
    public void Chain_WhenTheLeafIsUnreadable_PrintsTheReadErrorsCode(string file)
    {
        var run = HarnessRun.Of("chain", Site[file]);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.ErrorCode, Does.StartWith("CI11"), run.ToString());
        Assert.That(CodeRegistry.All().Single(c => c.Text == run.ErrorCode).Area, Is.EqualTo(CodeArea.Read));
    }

    [Test]
    public void Inspect_WhenAFileIsUnreadable_PrintsItsReadCode()
    {
        var run = HarnessRun.Of("inspect", Site["empty.cer"]);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.ErrorCode, Is.EqualTo(CodeRegistry.Of(ReadErrorCode.Empty).Text), run.ToString());
    }

    [Test]
    public void Report_WhenAnIoErrorEscapesAVerb_PrintsFileAccessFailed()
    {
        using var stderr = new StringWriter();

        var exit = ErrorExits.Report(new IOException("disk full"), "backup create", stderr);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.StartWith("certharness backup create: " + CodeRegistry.Of(InputErrorCode.FileAccessFailed).Text + " "));
    }

    [Test]
    public void Report_WhenAnUnexpectedErrorEscapesAVerb_PrintsUnexpected()
    {
        using var stderr = new StringWriter();

        var exit = ErrorExits.Report(new InvalidOperationException("a defect"), "validate", stderr);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.StartWith("certharness validate: " + CodeRegistry.Of(InputErrorCode.Unexpected).Text + " "));
    }

    private string Resolve(string arg) => arg switch
    {
        "<ic>" => Site.IcDir,
        _ when arg.StartsWith("<tmp:", StringComparison.Ordinal) => Path.Combine(_temp.Path, arg[5..^1]),
        _ when arg.StartsWith('<') => Site[arg[1..^1]],
        _ => arg,
    };
}
