using CertInstaller.Core.IO;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Validation;
using CertInstaller.Samples;

namespace CertInstaller.Core.Tests.Validation;

/// <summary>
/// PrivateKeyPermissionRule reads a key's permissions through <see cref="IFileSystem"/> (the Unix mode, or on Windows the
/// broad groups the whole ACL lets read it), wired by <see cref="FolderValidatorOptions.FileSystem"/>: what the port says
/// is what the rule judges, and permissions that cannot be read are a finding naming the key, with the folder left as it was.
/// </summary>
public class PrivateKeyPermissionPortTests
{
    private const string Key = "ServerGroup/ServerGroupPrivateKey.bin";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec());
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Certs => Path.Combine(_dir.Path, "Certificates");

    private ValidationReport Validate(IFileSystem fs) =>
        new FolderValidator(new FolderValidatorOptions { FileSystem = fs })
            .Validate(new ValidationContext { Layout = new LayoutScanner().Scan(Certs), Policy = ValidationPolicy.Installer, At = Now });

    [Test]
    public void Check_WhenThePortSaysEveryoneMayRead_ReportsTheSigningKeyWorldReadable()
    {
        var fs = new Permissions(new PhysicalFileSystem(), Key, fail: false);

        var findings = Validate(fs).Findings.Where(f => f.Path == Key).Select(f => f.Code).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(fs.Asked, Does.Contain(Path.Combine(Certs, Key.Replace('/', Path.DirectorySeparatorChar))), "read through the port");
            Assert.That(findings, Does.Contain(FindingCode.SigningKeyWorldReadable));
        });
    }

    [Test]
    public void Check_WhenAKeysPermissionsCannotBeRead_ReportsUnreadableFileNamingItAndChangesNothing()
    {
        var before = FolderPicture.Of(Certs);
        var fs = new Permissions(new PhysicalFileSystem(), Key, fail: true);

        var report = Validate(fs);

        Assert.Multiple(() =>
        {
            Assert.That(fs.Asked, Is.Not.Empty);
            Assert.That(report.Findings.Select(f => (f.Code, f.Path)), Does.Contain((FindingCode.UnreadableFile, Key)));
            Assert.That(report.Findings.Where(f => f.Code == FindingCode.UnreadableFile).Select(f => f.Path), Is.EqualTo(new[] { Key }), "only that key");
            Assert.That(FolderPicture.Of(Certs).SameAs(before), Is.True);
        });
    }

    /// <summary>The real file system, except for <c>key</c>'s permissions: every user may read it, or reading them fails.</summary>
    private sealed class Permissions(IFileSystem inner, string key, bool fail) : DelegatingFileSystem(inner)
    {
        public List<string> Asked { get; } = [];

        public override string? GetPermissions(string path) => Mine(path) ? Answer<string?>(path, () => "644") : base.GetPermissions(path);

        public override IReadOnlyList<string> BroadReadersOf(string path) => Mine(path) ? Answer<IReadOnlyList<string>>(path, () => ["Everyone"]) : base.BroadReadersOf(path);

        private bool Mine(string path) => path.Replace('\\', '/').EndsWith(key, StringComparison.Ordinal);

        private T Answer<T>(string path, Func<T> value)
        {
            Asked.Add(path);
            return fail ? throw new UnauthorizedAccessException($"injected: the permissions of '{path}' cannot be read") : value();
        }
    }
}
