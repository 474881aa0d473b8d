using CertInstaller.Harness.Rendering;
using CertInstaller.Harness.Tests.Golden;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Tests.Pipeline;

/// <summary>Every verb on the one renderer: backup verify and restore --json, the verb named from the parse result,
/// and a view without a form fails loudly instead of printing nothing.</summary>
public sealed class VerbOutputTests
{
    private TempDir _temp = null!;

    private string _root => _temp.Path;

    private string Certs => Path.Combine(_root, "Certificates");

    private string Backups => Path.Combine(_root, "Backups");

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDir("ci-verbs-");
        foreach (var file in Directory.EnumerateFiles(GoldenSite.Shared["good"], "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Certs, Path.GetRelativePath(GoldenSite.Shared["good"], file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Assert.That(HarnessRun.Of("backup", "create", Certs, "--to", Backups).Code, Is.Zero);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void BackupVerify_Json_ListsEachSnapshotAndItsIssues()
    {
        var intact = HarnessRun.Of("backup", "verify", "--from", Backups, "--json");
        var snapshot = Directory.GetDirectories(Backups).Single();
        var victim = Directory.EnumerateFiles(Path.Combine(snapshot, "files"), "*", SearchOption.AllDirectories).First();
        File.AppendAllText(victim, "tampered");
        var damaged = HarnessRun.Of("backup", "verify", "--from", Backups, "--json");

        Assert.That(intact.Code, Is.Zero, intact.ToString());
        Assert.That(intact.Json.GetProperty("intact").GetBoolean(), Is.True);
        Assert.That(intact.Json.GetProperty("snapshots")[0].GetProperty("filesChecked").GetInt32(), Is.GreaterThan(0));
        Assert.That(damaged.Code, Is.EqualTo(1), damaged.ToString());
        var issue = damaged.Json.GetProperty("snapshots")[0].GetProperty("issues")[0];
        Assert.That(issue.GetProperty("code").GetString(), Does.StartWith("CI10"));
        Assert.That(issue.GetProperty("path").GetString(), Is.EqualTo(Path.GetRelativePath(Path.Combine(snapshot, "files"), victim).Replace('\\', '/')));
    }

    [Test]
    public void BackupRestore_Json_ListsTheFilesItChanged()
    {
        File.Delete(Path.Combine(Certs, "ServerGroup", "ServerGroupCertificate.cer"));

        var run = HarnessRun.Of("backup", "restore", Certs, "--from", Backups, "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("scope").GetString(), Is.EqualTo("exact"));
        var files = run.Json.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("action").GetString())).ToList();
        Assert.That(files, Is.EqualTo(new[] { ("ServerGroup/ServerGroupCertificate.cer", "restored") }));
        Assert.That(File.Exists(Path.Combine(Certs, "ServerGroup", "ServerGroupCertificate.cer")), Is.True);
    }

    [Test]
    public void BackupRestore_OfSnapshotWithoutStoreRecord_SaysTheStoreWasNotRecorded()
    {
        // A manifest written before issue 27 has no "store" section: the restore works and says it cannot compare the stores.
        var manifestPath = Path.Combine(Directory.GetDirectories(Backups).Single(), "manifest.json");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        manifest.Remove("store");
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var run = HarnessRun.Of("backup", "restore", Certs, "--from", Backups, "--json");

        Assert.That(run.Code, Is.Zero, run.ToString());
        var codes = run.Json.GetProperty("store").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.That(codes, Is.EqualTo(new[] { "CI13056" }));
    }

    [TestCase(new[] { "backup", "restore", "<certs>", "--from", "<empty>" }, "certharness backup restore: ")]
    [TestCase(new[] { "backup", "verify", "--from", "<certs>", "--snapshot", "nope" }, "certharness backup verify: ")]
    [TestCase(new[] { "csr", "lint-config", "<missing>" }, "certharness csr lint-config: ")]
    [TestCase(new[] { "validate", "<certs>", "--json", "--format", "junit" }, "certharness validate: ")]
    public void Errors_NameTheVerbAndSubVerbAsParsed(string[] args, string prefix)
    {
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        var resolved = args.Select(a => a.Replace("<certs>", Certs).Replace("<empty>", Path.Combine(_root, "empty")).Replace("<missing>", Path.Combine(_root, "missing.cnf"))).ToArray();

        var run = HarnessRun.Of(resolved);

        Assert.That(run.Code, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.StartWith(prefix));
    }

    [Test]
    public void Render_AViewWithoutJunitForm_Throws()
    {
        var view = new SnapshotCreatedView("id", "/p", 1, []);

        Assert.That(() => Renderer.Render(view, OutputFormat.JUnit, new StringWriter()), Throws.InvalidOperationException);
    }

    [Test]
    public void Render_TextAndJson_OfTheSameView()
    {
        var view = new SnapshotCreatedView("20261201T100000Z-abcdef", "/b/20261201T100000Z-abcdef", 3, ["ServerGroup/x.cer"]);
        var text = new StringWriter();
        var json = new StringWriter();

        Renderer.Render(view, OutputFormat.Text, text);
        Renderer.Render(view, OutputFormat.Json, json);

        Assert.That(text.ToString(), Is.EqualTo("snapshot 20261201T100000Z-abcdef: 3 files (1 third-party) in /b/20261201T100000Z-abcdef\n".Replace("\n", Environment.NewLine)));
        Assert.That(System.Text.Json.JsonDocument.Parse(json.ToString()).RootElement.GetProperty("thirdParty")[0].GetString(), Is.EqualTo("ServerGroup/x.cer"));
    }
}
