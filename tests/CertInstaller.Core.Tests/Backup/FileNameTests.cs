using System.Diagnostics;
using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>Issue 25, items 4 and 6: no file is lost for its name, and a name or path the system cannot carry fails naming
/// it with a code, never with the wrong fix.</summary>
[Platform(Exclude = "Win", Reason = "Linux file names")]
[UnsupportedOSPlatform("windows")]
public class FileNameTests
{
    private TempDir _dir = null!;
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        _clock = new TestClock();
    }

    [TearDown]
    public void TearDown()
    {
        Shell($"rm -rf '{_dir.Path}'"); // .NET cannot name (so TempDir cannot delete) a file whose name is not UTF-8
        _dir.Dispose();
    }

    [Test]
    public void Create_WhenANameIsNotValidUtf8_FailsNamingTheFileAndLeavesNothing()
    {
        SampleFolder.Write(_dir.Certificates);
        Shell($"printf 'x' > \"$(printf '{Path.Combine(_dir.Certificates, "ServerGroup")}/caf\\351.cer')\"");

        var error = Assert.Throws<BackupException>(() => Store().Create(Request()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.NameNotSupported));
            Assert.That(error.FilePath, Is.EqualTo(Path.Combine(_dir.Certificates, "ServerGroup", "caf\\xE9.cer")));
            Assert.That(Store().List(), Is.Empty);
            Assert.That(Directory.EnumerateDirectories(_dir.BackupRoot), Is.Empty, "no partial left behind");
        });
    }

    [Test]
    public void RestoreExact_WhenTheLiveFolderHoldsANameThatIsNotValidUtf8_FailsNamingItAndChangesNothing()
    {
        SampleFolder.Write(_dir.Certificates);
        var snapshot = Store().Create(Request());
        SampleFolder.Regenerate(_dir.Certificates);
        Shell($"printf 'x' > \"$(printf '{_dir.Certificates}/\\377name.bin')\"");
        var entries = Directory.EnumerateFileSystemEntries(_dir.Certificates, "*", SearchOption.AllDirectories).Count();

        var error = Assert.Throws<BackupException>(() => new SnapshotRestorer(Store()).RestoreExact(snapshot.Id, _dir.Certificates));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.NameNotSupported));
            Assert.That(error.FilePath, Does.EndWith("\\xFFname.bin"));
            Assert.That(Directory.EnumerateFileSystemEntries(_dir.Certificates, "*", SearchOption.AllDirectories).Count(), Is.EqualTo(entries));
        });
    }

    [TestCase("ServerGroup/a:b.cer")]
    [TestCase("ServerGroup/a\\b.cer")]
    [TestCase("CSRs/..\\..\\escape.csr")]
    [TestCase("C:x.bin")]
    public void CreateAndRestore_WhenANameHoldsAColonOrABackslash_CarriesItByteForByte(string relative)
    {
        SampleFolder.Write(_dir.Certificates);
        SampleFolder.WriteFile(_dir.Certificates, relative, "odd but legal"u8.ToArray());
        var before = FolderPicture.Of(_dir.Certificates);

        var snapshot = Store().Create(Request());
        File.Delete(Path.Combine(_dir.Certificates, relative));
        new SnapshotRestorer(Store()).RestoreExact(snapshot.Id, _dir.Certificates);
        new SnapshotRestorer(Store()).PutBack(snapshot.Id, _dir.Certificates, new[] { relative });

        Assert.Multiple(() =>
        {
            Assert.That(Store().Verify(snapshot.Id).IsValid, Is.True);
            Assert.That(snapshot.Manifest.Files.Select(f => f.RelativePath), Does.Contain(relative));
            Assert.That(FolderPicture.Of(_dir.Certificates).SameAs(before), Is.True);
            Assert.That(File.Exists(Path.Combine(_dir.Outside, "escape.csr")), Is.False);
        });
    }

    [Test]
    public void Create_WhenAPathIsLongerThanTheSystemAccepts_FailsWithACodeNamingIt()
    {
        SampleFolder.Write(_dir.Certificates);
        var segment = new string('d', 250);
        Shell($"cd '{_dir.Certificates}' && for i in $(seq 18); do mkdir {segment} && cd {segment}; done && printf x > f.cer");

        try
        {
            var error = Assert.Throws<BackupException>(() => Store().Create(Request()));

            Assert.Multiple(() =>
            {
                Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.PathTooLong), error.Message);
                Assert.That(error.FilePath, Does.StartWith(_dir.Certificates));
                Assert.That(error.FilePath!.Length, Is.GreaterThan(4000));
                Assert.That(Directory.EnumerateDirectories(_dir.BackupRoot), Is.Empty);
            });
        }
        finally
        {
            Shell($"cd '{_dir.Certificates}' && rm -rf {segment}");
        }
    }

    [Test]
    public void Create_WhenASubfolderCannotBeListed_BlamesThatSubfolder()
    {
        // Root reads every folder whatever its mode, so the refusal is the decorator's.
        SampleFolder.Write(_dir.Certificates);
        var subfolder = Path.Combine(_dir.Certificates, "Client", "Local_Subsystems");
        var fs = new UnlistableFileSystem(subfolder);

        var error = Assert.Throws<BackupException>(() => new SnapshotStore(_dir.BackupRoot, fs, _clock, new TestLockProbe(false)).Create(Request()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.SourceFolderUnreadable));
            Assert.That(error.FilePath, Is.EqualTo(subfolder));
            Assert.That(Directory.EnumerateDirectories(_dir.BackupRoot), Is.Empty);
        });
    }

    internal static void Shell(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/bash", new[] { "-c", script }) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, error);
    }

    private SnapshotStore Store() => new(_dir.BackupRoot, new PhysicalFileSystem(), _clock, new TestLockProbe(false));

    private SnapshotRequest Request() => new(_dir.Certificates, "install") { Classify = SampleFolder.Classify, MachineName = "IC1" };

    private sealed class UnlistableFileSystem(string directory) : DelegatingFileSystem(new PhysicalFileSystem())
    {
        public override IReadOnlyList<FileSystemEntry> List(string path) =>
            string.Equals(path, directory, StringComparison.Ordinal)
                ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
                : Inner.List(path);
    }
}
