using CertInstaller.Core.Pki;
using CertInstaller.Samples;

namespace CertInstaller.Harness.Tests.Commands;

/// <summary>digests --baseline: a SHA-1 folder converted to SHA-256 with the same keys (what IC's digest wizard does).</summary>
public class DigestsBaselineTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void MakeFolders()
    {
        _dir = new TempDir("ci-digests-baseline-");
        var spec = new IcFolderSpec { Server = "IC1", Domain = "example.test", WriteMap = false, RemotePeers = 1, KeySeed = "digest-conversion" };
        new IcFolderBuilder().BuildServer(P("before"), spec with { Digest = DigestAlgorithm.Sha1 });
        new IcFolderBuilder().BuildServer(P("after"), spec);
    }

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private string P(string name) => Path.Combine(_dir.Path, name);

    [Test(Description = "digests-baseline-converted-to-json")]
    public void Baseline_WhenEverythingWasResigned_ReportsResignedWithKeyAndSubjectKept()
    {
        var run = HarnessRun.Of("digests", P("after"), "--baseline", P("before"), "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        var files = run.Json.GetProperty("files").EnumerateArray().ToList();
        Assert.That(files, Is.Not.Empty);
        Assert.That(files.Select(f => f.GetProperty("change").GetString()), Has.All.EqualTo("resigned"));
        Assert.That(files.Where(f => f.GetProperty("kind").GetString() == "certificate").Select(f => f.GetProperty("keyKept").GetBoolean()), Has.All.True);
        Assert.That(files.Select(f => f.GetProperty("subjectKept").GetBoolean()), Has.All.True);
        Assert.That(files.Select(f => (f.GetProperty("digestBefore").GetString(), f.GetProperty("digestAfter").GetString())), Has.All.EqualTo(("SHA-1", "SHA-256")));
        Assert.That(run.Json.GetProperty("stillSha1").GetArrayLength(), Is.Zero);
        Assert.That(run.Json.GetProperty("staleFolders").GetArrayLength(), Is.Zero);
    }

    [Test(Description = "digests-baseline-stale-remote-to-json")]
    public void Baseline_WhenARemoteFolderWasNotConverted_NamesItAndItsSha1Files()
    {
        var remote = Directory.GetDirectories(P("before/Client"), "Remote_Subsystem*").Single();
        FileTree.Copy(remote, Path.Combine(P("after/Client"), Path.GetFileName(remote)));

        var run = HarnessRun.Of("digests", P("after"), "--baseline", P("before"), "--json");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        var stale = run.Json.GetProperty("staleFolders").EnumerateArray().ToList();
        Assert.That(stale.Select(s => s.GetProperty("folder").GetString()), Has.All.StartWith("Client/Remote_Subsystem"));
        Assert.That(run.Json.GetProperty("stillSha1").EnumerateArray().Select(p => p.GetString()), Has.All.StartWith("Client/Remote_Subsystem").And.Not.Empty);
        Assert.That(run.Json.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("path").GetString()!.StartsWith("Client/Remote", StringComparison.Ordinal))
            .Select(f => f.GetProperty("change").GetString()), Has.All.EqualTo("unchanged"));
    }

    [Test(Description = "digests-baseline-stale-once-to-text")]
    public void Baseline_WhenARemoteFolderIsStale_ListsItOnceInTextAndJson()
    {
        var remote = Directory.GetDirectories(P("before/Client"), "Remote_Subsystem*").Single();
        FileTree.Copy(remote, Path.Combine(P("after/Client"), Path.GetFileName(remote)));

        var json = HarnessRun.Of("digests", P("after"), "--baseline", P("before"), "--json");
        var text = HarnessRun.Of("digests", P("after"), "--baseline", P("before"));

        var folders = json.Json.GetProperty("staleFolders").EnumerateArray().Select(s => s.GetProperty("folder").GetString()).ToList();
        Assert.That(folders, Is.Not.Empty.And.Unique, json.ToString());
        var staleLines = text.Stdout.Split('\n').Where(l => l.TrimStart().StartsWith("STALE ", StringComparison.Ordinal)).ToList();
        Assert.That(staleLines, Has.Count.EqualTo(folders.Count).And.Unique, text.ToString());
    }

    [Test(Description = "digests-baseline-off-server-to-text")]
    public void Baseline_WhenAnOffServerFolderHoldsTheOldRoot_NamesIt()
    {
        Directory.CreateDirectory(P("media"));
        File.Copy(Directory.GetFiles(P("before/ServerGroup"), "*Certificate.cer").Single(), P("media/IC1_TrustedCertificate.cer"));

        var run = HarnessRun.Of("digests", P("after"), "--baseline", P("before"), "--remote", P("media"));

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Does.Contain("STALE " + P("media")).And.Contain("IC1_TrustedCertificate.cer"));
    }

    [Test(Description = "digests-baseline-snapshot-to-json")]
    public void Baseline_WhenASnapshotOrItsBackupRoot_ReadsTheSnapshotsFiles()
    {
        var backup = HarnessRun.Of("backup", "create", P("before"), "--to", P("backups"), "--json");
        Assert.That(backup.Code, Is.Zero, backup.ToString());
        var snapshot = backup.Json.GetProperty("path").GetString()!;

        var bySnapshot = HarnessRun.Of("digests", P("after"), "--baseline", snapshot, "--json");
        var byRoot = HarnessRun.Of("digests", P("after"), "--baseline", P("backups"), "--json");

        foreach (var run in new[] { bySnapshot, byRoot })
        {
            Assert.That(run.Code, Is.Zero, run.ToString());
            Assert.That(run.Json.GetProperty("baseline").GetString(), Does.StartWith("snapshot " + Path.GetFileName(snapshot)));
            Assert.That(run.Json.GetProperty("summary").GetProperty("resigned").GetInt32(), Is.GreaterThan(0));
            Assert.That(run.Json.GetProperty("summary").GetProperty("added").GetInt32(), Is.Zero);
        }
    }

    [Test(Description = "digests-baseline-exact-sha1-to-json")]
    public void Baseline_WhenExactSha1_JudgesTheReverseConversion()
    {
        var reverse = HarnessRun.Of("digests", P("before"), "--baseline", P("after"), "--exact", "SHA-1", "--json");
        var notReversed = HarnessRun.Of("digests", P("after"), "--baseline", P("before"), "--exact", "SHA-1", "--json");

        Assert.That(reverse.Code, Is.Zero, reverse.ToString());
        Assert.That(reverse.Json.GetProperty("exact").GetBoolean(), Is.True);
        Assert.That(notReversed.Code, Is.EqualTo(1), notReversed.ToString());
        Assert.That(notReversed.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("ok").GetBoolean()), Has.All.False);
    }

    [Test(Description = "digests-exact-without-baseline-to-json")]
    public void Digests_WhenExactWithoutBaseline_AcceptsOnlyThatDigest()
    {
        var run = HarnessRun.Of("digests", P("after"), "--exact", "SHA-1", "--json");
        var both = HarnessRun.Of("digests", P("after"), "--exact", "SHA-1", "--min", "SHA-1");

        Assert.That(run.Code, Is.EqualTo(1), run.ToString());
        Assert.That(run.Json.GetProperty("minimum").GetString(), Is.EqualTo("exactly SHA-1"));
        Assert.That(both.Code, Is.EqualTo(2), both.ToString());
    }

    [Test(Description = "digests-baseline-added-removed-to-json")]
    public void Baseline_WhenFilesAddedAndRemoved_SaysSo()
    {
        File.Move(Directory.GetFiles(P("after/HTTPS"), "*.cer").First(), P("after/HTTPS/renamed.crt"));

        var run = HarnessRun.Of("digests", P("after"), "--baseline", P("before"), "--json");

        var summary = run.Json.GetProperty("summary");
        Assert.That(summary.GetProperty("added").GetInt32(), Is.EqualTo(1), run.ToString());
        Assert.That(summary.GetProperty("removed").GetInt32(), Is.EqualTo(1));
    }

    [TestCase("--baseline", TestName = "digests-baseline-missing-to-text")]
    [TestCase("--remote", TestName = "digests-remote-without-baseline-to-text")]
    public void Baseline_WhenBadUsage_ExitsTwo(string option)
    {
        var run = HarnessRun.Of("digests", P("after"), option, P("missing"));

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain(option == "--baseline" ? P("missing") : "--baseline"));
    }
}
