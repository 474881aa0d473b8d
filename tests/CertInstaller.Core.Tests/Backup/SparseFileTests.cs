using System.Runtime.Versioning;
using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>Issue 25: a sparse file stays sparse in a snapshot and after a restore (a 2 GB sparse file took 2.1 GB of disk),
/// and its bytes are the same.</summary>
[Platform(Include = "Linux", Reason = "allocated blocks (stat %b)")]
[SupportedOSPlatform("linux")]
public class SparseFileTests
{
    private const long Size = 64L * 1024 * 1024;

    [Test]
    public void CreateAndRestore_WhenAFileIsSparse_KeepItSparseAndByteIdentical()
    {
        using var dir = new TempDir();
        var clock = new TestClock();
        SampleFolder.Write(dir.Certificates);
        var relative = "CSRs/sparse.bin";
        var live = Path.Combine(dir.Certificates, relative);
        using (var stream = new FileStream(live, FileMode.CreateNew))
        {
            stream.Write("head"u8);
            stream.Seek(Size - 4, SeekOrigin.Begin);
            stream.Write("tail"u8);
        }

        var liveSha = FolderPicture.HashFile(live);
        var store = new SnapshotStore(dir.BackupRoot, new PhysicalFileSystem(), clock, new TestLockProbe(false));
        var snapshot = store.Create(new SnapshotRequest(dir.Certificates, "install"));
        var copy = Path.Combine(snapshot.Path, "files", relative);
        File.Delete(live);
        new SnapshotRestorer(store).RestoreExact(snapshot.Id, dir.Certificates);

        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(copy).Length, Is.EqualTo(Size));
            Assert.That(AllocatedBytes(copy), Is.LessThan(1024 * 1024), "the snapshot copy is sparse");
            Assert.That(AllocatedBytes(live), Is.LessThan(1024 * 1024), "the restored file is sparse");
            Assert.That(FolderPicture.HashFile(live), Is.EqualTo(liveSha));
        });
    }

    private static long AllocatedBytes(string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", new[] { "-c", "%b %B", path }) { RedirectStandardOutput = true })!;
        var parts = process.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
