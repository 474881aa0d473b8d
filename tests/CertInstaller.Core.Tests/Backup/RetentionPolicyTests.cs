using CertInstaller.Core.Backup;

namespace CertInstaller.Core.Tests.Backup;

public class RetentionPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestCase(1, 5, 1)]
    [TestCase(3, 5, 3)]
    [TestCase(10, 5, 5)]
    public void Decide_WhenOnlyIcFiles_KeepsTheNNewest(int keep, int count, int expectedKept)
    {
        var candidates = Enumerable.Range(0, count).Select(i => Candidate(i, ("a.cer", FileOrigin.IcIssued, "same"))).ToList();

        var decisions = new RetentionPolicy(keep).Decide(candidates);

        Assert.Multiple(() =>
        {
            Assert.That(decisions.Count(d => d.Keep), Is.EqualTo(expectedKept));
            Assert.That(decisions.Where(d => d.Keep).Select(d => d.Id), Is.EqualTo(candidates.Select(c => c.Snapshot.Id).Reverse().Take(expectedKept)));
        });
    }

    [Test]
    public void Decide_WhenNewestCleanIsOld_KeepsItToo()
    {
        var candidates = new[]
        {
            Candidate(0, clean: true),
            Candidate(1, clean: true),
            Candidate(2, clean: false),
            Candidate(3),
        };

        var decisions = new RetentionPolicy(2).Decide(candidates);

        Assert.That(decisions.Select(d => (d.Id, d.Keep, d.Reason)), Is.EqualTo(new[]
        {
            (Id(3), true, RetentionReason.Newest),
            (Id(2), true, RetentionReason.Newest),
            (Id(1), true, RetentionReason.NewestValidatedClean),
            (Id(0), false, RetentionReason.Expired),
        }));
    }

    [Test]
    public void Decide_WhenOldSnapshotsHoldThirdPartyContent_KeepsOnlyTheNewestCopyOfEach()
    {
        var candidates = new[]
        {
            Candidate(0, ("sg.cer", FileOrigin.ThirdParty, "v1")),
            Candidate(1, ("sg.cer", FileOrigin.ThirdParty, "v1")),
            Candidate(2, ("sg.cer", FileOrigin.ThirdParty, "v2")),
            Candidate(3, ("sg.cer", FileOrigin.IcIssued, "regenerated")),
        };

        var decisions = new RetentionPolicy(1).Decide(candidates);

        Assert.That(decisions.Select(d => (d.Id, d.Reason)), Is.EqualTo(new[]
        {
            (Id(3), RetentionReason.Newest),
            (Id(2), RetentionReason.OnlyCopyOfThirdPartyFile),
            (Id(1), RetentionReason.OnlyCopyOfThirdPartyFile),
            (Id(0), RetentionReason.Expired),
        }));
    }

    [Test]
    public void Decide_WhenThirdPartyContentAlsoInAKeptSnapshot_DeletesTheOldCopy()
    {
        var candidates = new[]
        {
            Candidate(0, ("sg.cer", FileOrigin.ThirdParty, "v1")),
            Candidate(1, ("renamed.cer", FileOrigin.Other, "v1")),
        };

        var decisions = new RetentionPolicy(1).Decide(candidates);

        Assert.That(decisions.Single(d => d.Id == Id(0)).Keep, Is.False);
    }

    [Test]
    public void Decide_WhenOldSnapshotHoldsOnlyCopyOfADisplacedFile_KeepsIt()
    {
        var candidates = new[]
        {
            new RetentionCandidate(Candidate(0).Snapshot, new[] { Sha("admin file") }),
            Candidate(1),
        };

        var decisions = new RetentionPolicy(1).Decide(candidates);

        Assert.That(decisions.Single(d => d.Id == Id(0)).Reason, Is.EqualTo(RetentionReason.OnlyCopyOfDisplacedFile));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Constructor_WhenKeepBelowOne_ThrowsInvalidArgument(int keep)
    {
        var error = Assert.Throws<BackupException>(() => _ = new RetentionPolicy(keep));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.InvalidArgument));
    }

    private static string Id(int i) => $"202601{i + 1:00}T000000Z-00000{i}";

    private static string Sha(string content) => FolderPicture.Sha(System.Text.Encoding.UTF8.GetBytes(content));

    private static RetentionCandidate Candidate(int i, params (string Path, FileOrigin Origin, string Content)[] files) =>
        Candidate(i, null, files);

    private static RetentionCandidate Candidate(int i, bool? clean, params (string Path, FileOrigin Origin, string Content)[] files)
    {
        var entries = files.Select(f => new ManifestEntry(f.Path, f.Content.Length, Sha(f.Content), Start.UtcDateTime, Start.UtcDateTime, false, f.Origin, "test")).ToList();
        var manifest = new SnapshotManifest(1, Id(i), "0.1.0", "/certs", true, "install", Start.AddDays(i), "IC1", Array.Empty<string>(), entries, Array.Empty<SkippedEntry>());
        var validation = clean is null ? null : new ValidationMark(clean.Value, "test", Start.AddDays(i));
        return new RetentionCandidate(new SnapshotInfo("/backups/" + Id(i), manifest, validation), Array.Empty<string>());
    }
}
