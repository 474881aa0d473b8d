using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Installer.Operations;

namespace CertInstaller.Installer.Tests.Operations;

/// <summary>The transaction marker is written like every durable file and survives any product code.</summary>
public class TransactionMarkerTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void TransactionMarker_Write_IsTempFlushRenameSync()
    {
        Directory.CreateDirectory(_dir.BackupRoot);
        var fs = new FaultInjectingFileSystem(new PhysicalFileSystem(), failAt: 0);

        new TransactionMarker("20261126T221500Z-abcdef", "{P}", "install").Write(_dir.BackupRoot, fs);
        TransactionMarker.Delete(_dir.BackupRoot, "{P}", fs);

        var marker = TransactionMarker.PathFor(_dir.BackupRoot, "{P}");
        var ops = LoggedOperation.Of(fs);
        Assert.That(ops.Select(o => o.Op), Is.EqualTo(new[] { "CreateNew", "FlushToDisk", "MoveFile", "SyncDirectory", "DeleteFile", "SyncDirectory" }), LoggedOperation.Describe(ops));
        Assert.That(ops[2].To, Is.EqualTo(marker));
        Assert.That(ops[1].Path, Is.EqualTo(ops[0].Path).And.EqualTo(ops[2].Path));
        Assert.That(ops[3].Path, Is.EqualTo(_dir.BackupRoot));
    }

    [Test]
    public void TransactionMarker_WhenTheProductCodeIsVeryLong_IsWrittenAndReadBack()
    {
        var code = "{" + new string('A', 300) + "}";
        Directory.CreateDirectory(_dir.BackupRoot);

        new TransactionMarker("20261126T221500Z-abcdef", code, "install").Write(_dir.BackupRoot);

        Assert.That(TransactionMarker.Read(_dir.BackupRoot, code)?.SnapshotId, Is.EqualTo("20261126T221500Z-abcdef"));
    }
}
