using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>The restore planner decides from a manifest and a picture of the live folder; nothing here touches a disk.</summary>
public class RestorePlannerTests
{
    private const string Target = "/certs";
    private static readonly DateTime When = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Plan_WhenExact_ReplacesChangedRestoresMissingRemovesExtraAndLeavesTheRest()
    {
        var manifest = Manifest(true, new[] { "a" }, ("a/same.cer", "1"), ("a/changed.cer", "2"), ("missing.cer", "3"));
        var live = Live(("a/same.cer", "1"), ("a/changed.cer", "other"), ("extra.cer", "4"));

        var plan = RestorePlanner.Plan("id", Target, manifest, RestoreScope.Exact, manifest.Files, live, StringComparer.Ordinal);

        Assert.That(plan.Unchanged, Is.EqualTo(new[] { "a/same.cer" }));
        Assert.That(plan.Steps.Select(s => (s.RelativePath, s.Action)), Is.EqualTo(new[]
        {
            ("a/changed.cer", RestoreFileAction.Replaced), ("missing.cer", RestoreFileAction.Restored), ("extra.cer", RestoreFileAction.Removed),
        }));
        Assert.That(plan.FolderWanted, Is.True);
        Assert.That(plan.DirectoriesToCreate, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Plan_WhenSubset_NeverRemovesAndCreatesOnlyTheParentsItNeeds()
    {
        var manifest = Manifest(true, new[] { "a", "b" }, ("a/x.cer", "1"), ("b/y.cer", "2"));
        var live = Live(("other.cer", "9"));

        var plan = RestorePlanner.Plan("id", Target, manifest, RestoreScope.Subset, manifest.Files.Take(1).ToList(), live, StringComparer.Ordinal);

        Assert.That(plan.Steps.Select(s => (s.RelativePath, s.Action)), Is.EqualTo(new[] { ("a/x.cer", RestoreFileAction.Restored) }));
        Assert.That(plan.DirectoriesToCreate, Is.EqualTo(new[] { "a" }));
        Assert.That(plan.DirectoriesToRemoveIfEmpty, Is.Empty);
    }

    [Test]
    public void Plan_WhenTheSnapshotIsOfAMissingFolder_RemovesEveryLiveFileAndTheFolder()
    {
        var manifest = Manifest(false, Array.Empty<string>());
        var live = Live(("x/generated.cer", "1")) with { Directories = new[] { "x" }, Links = new[] { "link" } };

        var plan = RestorePlanner.Plan("id", Target, manifest, RestoreScope.Exact, manifest.Files, live, StringComparer.Ordinal);

        Assert.That(plan.FolderWanted, Is.False);
        Assert.That(plan.Steps.Select(s => s.Action), Is.EqualTo(new[] { RestoreFileAction.Removed }));
        Assert.That(plan.DirectoriesToRemoveIfEmpty, Is.EqualTo(new[] { "x" }));
        Assert.That(plan.LinksLeft, Is.EqualTo(new[] { "link" }));
    }

    [TestCase("link-at-file")]
    [TestCase("directory-at-file")]
    [TestCase("file-at-directory")]
    [TestCase("link-at-directory")]
    public void Plan_WhenSomethingIsInTheWay_ThrowsTargetConflict(string obstacle)
    {
        var manifest = Manifest(true, new[] { "a" }, ("a/x.cer", "1"));
        var live = obstacle switch
        {
            "link-at-file" => Live() with { Links = new[] { "a/x.cer" } },
            "directory-at-file" => Live() with { Directories = new[] { "a", "a/x.cer" } },
            "file-at-directory" => Live(("a", "1")),
            _ => Live() with { Links = new[] { "a" } },
        };

        var error = Assert.Throws<BackupException>(() => RestorePlanner.Plan("id", Target, manifest, RestoreScope.Exact, manifest.Files, live, StringComparer.Ordinal));

        Assert.That(error!.Code, Is.EqualTo(BackupErrorCode.TargetConflict));
    }

    [Test]
    public void Plan_WhenNamesDifferOnlyInCase_MatchesAsTheFileSystemDoes()
    {
        var manifest = Manifest(true, Array.Empty<string>(), ("Map.xml", "1"));
        var live = Live(("MAP.XML", "1"));

        var insensitive = RestorePlanner.Plan("id", Target, manifest, RestoreScope.Exact, manifest.Files, live with { Files = new Dictionary<string, LiveFile>(live.Files, StringComparer.OrdinalIgnoreCase) }, StringComparer.OrdinalIgnoreCase);
        var sensitive = RestorePlanner.Plan("id", Target, manifest, RestoreScope.Exact, manifest.Files, live, StringComparer.Ordinal);

        Assert.That(insensitive.Unchanged, Is.EqualTo(new[] { "Map.xml" }));
        Assert.That(sensitive.Steps.Select(s => s.Action), Is.EqualTo(new[] { RestoreFileAction.Restored, RestoreFileAction.Removed }));
    }

    private static string Sha(string content) => FolderPicture.Sha(System.Text.Encoding.UTF8.GetBytes(content));

    private static SnapshotManifest Manifest(bool existed, string[] directories, params (string Path, string Content)[] files) => new(
        1, "20260101T000000Z-abcdef", "0.1.0", Target, existed, "install", When, "IC1", directories,
        files.Select(f => new ManifestEntry(f.Path, f.Content.Length, Sha(f.Content), When, When, false, FileOrigin.Other, "test")).ToList(),
        Array.Empty<SkippedEntry>());

    private static LiveFolder Live(params (string Path, string Content)[] files) => new(
        true,
        files.ToDictionary(
            f => f.Path,
            f => new LiveFile(new FileSystemEntry(Target + "/" + f.Path, FileSystemEntryKind.File, f.Content.Length, When, When, false), Sha(f.Content), "644"),
            StringComparer.Ordinal),
        files.Select(f => f.Path).Where(p => p.Contains('/')).Select(p => p[..p.LastIndexOf('/')]).Distinct().ToList(),
        Array.Empty<string>(),
        Array.Empty<(string, LiveFile)>());
}
