using CertInstaller.Core.Backup;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>A snapshot named on a command line: a snapshot folder, or an id under a backup root.</summary>
public sealed class SnapshotReferenceTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "Backups");
    private const string Id = "20261126T221500Z-1a2b3c";

    [Test]
    public void Folder_SplitsIntoRootAndId()
    {
        var reference = SnapshotReference.Resolve(Path.Combine(Root, Id), null);

        Assert.That(reference, Is.EqualTo(new SnapshotReference(Root, Id)));
    }

    [TestCase("/")]
    [TestCase("//")]
    public void Folder_WithTrailingSeparators_IsTheSameSnapshot(string trailing)
    {
        var reference = SnapshotReference.Resolve(Path.Combine(Root, Id) + trailing.Replace('/', Path.DirectorySeparatorChar), null);

        Assert.That(reference, Is.EqualTo(new SnapshotReference(Root, Id)));
    }

    [Test]
    public void Id_UnderARoot_IsThatRootsSnapshot()
    {
        var reference = SnapshotReference.Resolve(Id, Root + Path.DirectorySeparatorChar);

        Assert.That(reference.Root, Is.EqualTo(Path.GetFullPath(Root + Path.DirectorySeparatorChar)).Or.EqualTo(Root));
        Assert.That(reference.Id, Is.EqualTo(Id));
    }

    [Test]
    public void RelativeFolder_IsMadeAbsolute()
    {
        var reference = SnapshotReference.Resolve(Path.Combine("Backups", Id), null);

        Assert.That(reference.Root, Is.EqualTo(Path.GetFullPath("Backups")));
        Assert.That(reference.Id, Is.EqualTo(Id));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Nothing_IsRefusedWithItsCode(string snapshot)
    {
        var e = Assert.Throws<BackupException>(() => SnapshotReference.Resolve(snapshot, null));

        Assert.That(e!.Code, Is.EqualTo(BackupErrorCode.InvalidArgument));
    }

    [Test]
    public void VolumeRoot_IsRefusedWithItsCode()
    {
        var e = Assert.Throws<BackupException>(() => SnapshotReference.Resolve(Path.GetPathRoot(Path.GetTempPath())!, null));

        Assert.That(e!.Code, Is.EqualTo(BackupErrorCode.InvalidArgument));
    }
}
