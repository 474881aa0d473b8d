using CertInstaller.Core.IO;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Validation;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.IO;

/// <summary>
/// Issue 23 §6: the readers that opened files themselves (LayoutScanner with its map readers, ValidationPolicy.Load,
/// BaselineRule) read through <see cref="IFileSystem"/>, so a failing read reaches them: each gives a coded finding
/// or an error naming the file, and the folder is left as it was.
/// </summary>
public class ReaderFaultTests
{
    private const string Map = "ic1_ININ_Certificates.xml";
    private const string ServerCertificate = "Client/Local_Subsystems/ic1_ServerCertificate.cer";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Certs => Path.Combine(_dir.Path, "Certificates");

    [Test]
    public void LayoutScanner_WhenTheMapCannotBeRead_ReportsMapFileUnreadableNamingIt()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec());
        var before = FolderPicture.Of(Certs);
        var fs = new FailingReads(Map);

        var layout = new LayoutScanner(fs).Scan(Certs);
        var report = new FolderValidator().Validate(new ValidationContext { Layout = layout, Policy = ValidationPolicy.Installer, At = Now });

        Assert.Multiple(() =>
        {
            Assert.That(fs.Failed, Is.Not.Empty, "the scanner must read the map through the port");
            Assert.That(layout.Maps.Single().Error, Is.Not.Null);
            Assert.That(report.Findings.Select(f => (f.Code, f.Path)), Does.Contain((FindingCode.MapFileUnreadable, Map)));
            Assert.That(FolderPicture.Of(Certs).SameAs(before), Is.True, "a failed read changes nothing");
        });
    }

    [Test]
    public void LayoutScanner_WhenTheFolderCannotBeListed_ReportsFolderUnreadable()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec());
        var before = FolderPicture.Of(Certs);
        var fs = new FailingReads(failList: true);

        var layout = new LayoutScanner(fs).Scan(Certs);
        var report = new FolderValidator().Validate(new ValidationContext { Layout = layout, Policy = ValidationPolicy.Installer, At = Now });

        Assert.Multiple(() =>
        {
            Assert.That(layout.Kind, Is.EqualTo(FolderKind.Unreadable));
            Assert.That(report.Findings.Select(f => f.Code), Does.Contain(FindingCode.FolderUnreadable));
            Assert.That(FolderPicture.Of(Certs).SameAs(before), Is.True);
        });
    }

    [Test]
    public void ValidationPolicyLoad_WhenTheFileCannotBeRead_ThrowsPolicyExceptionNamingIt()
    {
        var path = Path.Combine(_dir.Path, "policy.json");
        File.WriteAllText(path, """{ "minRsaBits": 3072 }""");
        var fs = new FailingReads("policy.json");

        var e = Assert.Throws<PolicyException>(() => ValidationPolicy.Load(path, ValidationPolicy.Installer, fs))!;

        Assert.Multiple(() =>
        {
            Assert.That(fs.Failed, Is.Not.Empty, "the policy must be read through the port");
            Assert.That((e.Code, e.PolicyFile), Is.EqualTo((PolicyErrorCode.PolicyUnreadable, path)));
            Assert.That(File.ReadAllText(path), Is.EqualTo("""{ "minRsaBits": 3072 }"""));
            Assert.That(ValidationPolicy.Load(path, ValidationPolicy.Installer, new PhysicalFileSystem()).MinRsaBits, Is.EqualTo(3072));
        });
    }

    [Test]
    public void BaselineRule_WhenABaselineFileCannotBeRead_ReportsUnreadableFileNamingIt()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec());
        var before = FolderPicture.Of(Certs);
        var fs = new FailingReads("ic1_ServerCertificate.cer");
        var context = new ValidationContext
        {
            Layout = new LayoutScanner().Scan(Certs),
            Policy = ValidationPolicy.Installer,
            At = Now,
            Baseline = [new BaselineFile(ServerCertificate, new string('0', 64))],
        };

        var report = new FolderValidator(new FolderValidatorOptions { FileSystem = fs }).Validate(context);

        Assert.Multiple(() =>
        {
            Assert.That(fs.Failed, Is.Not.Empty, "the baseline comparison must read through the port");
            Assert.That(report.Findings.Select(f => (f.Code, f.Path)), Does.Contain((FindingCode.UnreadableFile, ServerCertificate)));
            Assert.That(report.Findings.Select(f => f.Code), Does.Not.Contain(FindingCode.ThirdPartyChanged), "an unread file is not a changed one");
            Assert.That(FolderPicture.Of(Certs).SameAs(before), Is.True);
        });
    }

    /// <summary>The real file system, except that opening a file whose name ends with <c>suffix</c> fails (and, with
    /// <c>failList</c>, every listing): the read faults the fault injector (mutations only) does not make.</summary>
    private sealed class FailingReads(string? suffix = null, bool failList = false) : DelegatingFileSystem(new PhysicalFileSystem())
    {
        public List<string> Failed { get; } = [];

        public override Stream OpenRead(string path)
        {
            if (suffix is not null && path.EndsWith(suffix, StringComparison.Ordinal))
            {
                Failed.Add(path);
                throw new IOException($"injected read failure: {path}");
            }

            return base.OpenRead(path);
        }

        public override IReadOnlyList<FileSystemEntry> List(string directory)
        {
            if (failList)
            {
                Failed.Add(directory);
                throw new UnauthorizedAccessException($"injected listing failure: {directory}");
            }

            return base.List(directory);
        }
    }
}
