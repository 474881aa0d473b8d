using CertInstaller.MsiE2E.Tests.Engine;
using CertInstaller.MsiE2E.Tests.Fixtures;
using CertInstaller.MsiKit;

namespace CertInstaller.MsiE2E.Tests.Kit;

/// <summary>
/// The Linux kit's MSI, read back with msiinfo: the tables hold what installer/CertificateActions.wxs and the sample
/// declare. No MSI engine needed (wixl and msitools are); the kit is the Linux path, so not run on Windows.
/// </summary>
[Category("MsiKit")]
[Platform(Exclude = "Win")]
public sealed class MsiKitTests
{
    private string msi = null!;

    [OneTimeSetUp]
    public void BuildKitSample()
    {
        var work = Path.Combine(RepoPaths.Artifacts, "kit-tests");
        var certs = Path.Combine(work, "certs");
        ProcessRunner.RunChecked("bash", [Path.Combine(RepoPaths.Installer, "Sample", "regenerate-certificates.sh"), certs]);
        var fakeHost = Path.Combine(work, "certinstaller-action.exe");
        File.WriteAllText(fakeHost, "stands for the action host in table checks");
        this.msi = MsiKit.MsiKit.BuildSample(RepoPaths.Installer, "1.0.0", certs, fakeHost, Path.Combine(work, "msi"));
    }

    private static WxsSource Fragment => WxsSource.Load(Path.Combine(RepoPaths.Installer, "CertificateActions.wxs"));
    private static System.Xml.Linq.XDocument FragmentXml => System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Installer, "CertificateActions.wxs"));
    private static WxsSource Sample => WxsSource.Load(Path.Combine(RepoPaths.Installer, "Sample", "Product.wxs"));

    [Test]
    public void CustomActionTable_HoldsEveryActionOfTheFragmentAndTheSample()
    {
        var rows = IdtTable.Export(this.msi, "CustomAction").Rows.Select(r => string.Join('\t', r[..4]));
        var expected = MsiKit.MsiKit.CustomActionRows(Fragment, Sample).Select(r => string.Join('\t', r[..4]));

        Assert.That(rows, Is.EquivalentTo(expected));
    }

    [Test]
    public void InstallExecuteSequence_PlacesTheActionsWithTheirConditions()
    {
        var rows = IdtTable.Export(this.msi, "InstallExecuteSequence").Rows
            .Select(r => new SequenceRow(r[0], r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Sequence).ToList();
        var order = rows.Select(r => r.Action).ToList();

        string[] expectedOrder =
        [
            "CostFinalize", "CertInstaller_Mode_install", "InstallValidate", "InstallInitialize", "SetCertInstaller_RestoreOnRollback",
            "CertInstaller_RestoreOnRollback", "SetCertInstaller_Backup", "CertInstaller_Backup", "RemoveExistingProducts", "InstallFiles",
            "SetCertInstaller_Preserve", "CertInstaller_Preserve", "SetCertInstaller_Validate", "CertInstaller_Validate",
            "CertInstallerTest_FailAfterPreserve", "SetCertInstaller_Commit", "CertInstaller_Commit", "InstallFinalize",
        ];
        Assert.That(order.Where(expectedOrder.Contains), Is.EqualTo(expectedOrder));
        Assert.Multiple(() =>
        {
            foreach (var s in Fragment.AllScheduled.Concat(Sample.AllScheduled))
            {
                Assert.That(rows.Single(r => r.Action == s.Action).Condition, Is.EqualTo(s.Condition ?? ""), s.Action);
            }
        });
    }

    [Test]
    public void Properties_AreSecureWithTheFragmentDefaults()
    {
        var props = IdtTable.Export(this.msi, "Property").Rows.ToDictionary(r => r[0], r => r[1]);
        var secure = props["SecureCustomProperties"].Split(';');

        Assert.Multiple(() =>
        {
            foreach (var p in Fragment.Properties.Concat(Sample.Properties))
            {
                Assert.That(secure, p.Secure ? Does.Contain(p.Id) : Does.Not.Contain(p.Id), p.Id);
                Assert.That(props.GetValueOrDefault(p.Id), Is.EqualTo(string.IsNullOrEmpty(p.Value) ? null : p.Value), p.Id);
            }
        });
    }

    [Test]
    public void RememberedSettings_AreSearchedAndStoredByTheRegistryComponent()
    {
        var appSearch = IdtTable.Export(this.msi, "AppSearch").Rows.Select(r => string.Join('\t', r));
        var regLocator = IdtTable.Export(this.msi, "RegLocator").Rows.Select(r => string.Join('\t', r));
        var registry = IdtTable.Export(this.msi, "Registry").Rows.Select(r => string.Join('\t', r));
        var components = IdtTable.Export(this.msi, "Component");
        var featureComponents = IdtTable.Export(this.msi, "FeatureComponents").Rows.Select(r => (r[0], r[1]));
        var sequence = IdtTable.Export(this.msi, "InstallExecuteSequence").Rows.Select(r => r[0]).ToList();
        var component = Fragment.RegistryComponents.Single();

        Assert.Multiple(() =>
        {
            Assert.That(appSearch, Is.EquivalentTo(MsiKit.MsiKit.RegistrySearchRows(Fragment).Select(r => string.Join('\t', r.AppSearch))));
            Assert.That(regLocator, Is.EquivalentTo(MsiKit.MsiKit.RegistrySearchRows(Fragment).Select(r => string.Join('\t', r.RegLocator))));
            Assert.That(regLocator, Does.Contain("CertInstaller_Remembered_VALIDATION\t2\tSOFTWARE\\CertInstaller\\[UpgradeCode]\tCERTINSTALLER_VALIDATION\t18"),
                "HKLM, raw, 64-bit view");
            Assert.That(registry, Is.EquivalentTo(MsiKit.MsiKit.RegistryRows(component).Select(r => string.Join('\t', r))));
            Assert.That(registry, Has.Some.Contains("\tCERTINSTALLER_BACKUPDIR\t[CERTINSTALLER_REMEMBERED_BACKUPDIR]\t" + component.Id));
            var row = components.Rows.Single(r => r[0] == component.Id);
            Assert.That(row[components.Column("Attributes")], Is.EqualTo("260"), "registry key path, 64-bit");
            Assert.That(featureComponents, Does.Contain(("Main", component.Id)));
            Assert.That(sequence, Does.Contain("AppSearch").And.Contain("WriteRegistryValues").And.Contain("RemoveRegistryValues"));
        });
    }

    [Test]
    public void MsiHiddenProperties_HoldsTheDataPropertyOfEveryScriptActionThatHidesItsTarget()
    {
        var props = IdtTable.Export(this.msi, "Property").Rows.ToDictionary(r => r[0], r => r[1]);

        // What WiX's binder derives (CreateSpecialPropertiesCommand), read here from the XML itself: the Id of every
        // deferred, rollback or commit CustomAction with HideTarget="yes" (its CustomActionData property), sorted.
        var expected = FragmentXml.Descendants(WxsSource.Ns + "CustomAction")
            .Where(e => (string?)e.Attribute("HideTarget") == "yes" && (string?)e.Attribute("Execute") is "deferred" or "rollback" or "commit")
            .Select(e => (string)e.Attribute("Id")!).Order(StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.EqualTo(5), "the fragment's five script actions hide their target");
            Assert.That(props.GetValueOrDefault("MsiHiddenProperties")?.Split(';'), Is.EqualTo(expected));
        });
    }

    [Test]
    public void InstallUISequence_HoldsAppSearchAndEveryActionTheFragmentSchedulesInBothSequences()
    {
        var ui = Sequence("InstallUISequence");
        var execute = Sequence("InstallExecuteSequence");
        var setProperties = FragmentXml.Descendants(WxsSource.Ns + "SetProperty")
            .Select(e => (Action: (string)e.Attribute("Action")!, Sequence: (string?)e.Attribute("Sequence") ?? "both", Condition: (string?)e.Attribute("Condition") ?? ""))
            .ToList();
        var both = setProperties.Where(s => s.Sequence == "both").ToList();
        var executeOnly = setProperties.Where(s => s.Sequence == "execute").Select(s => s.Action).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(both, Has.Count.EqualTo(20), "the remember and recall actions of the ten public properties");
            Assert.That(ui.Keys, Does.Contain("AppSearch"), "the searches of the remembered settings run in the UI sequence too");
            foreach (var s in both)
            {
                Assert.That(ui.TryGetValue(s.Action, out var row) ? row.Condition : null, Is.EqualTo(s.Condition), $"{s.Action} in InstallUISequence");
                Assert.That(execute.TryGetValue(s.Action, out var row2) ? row2.Condition : null, Is.EqualTo(s.Condition), $"{s.Action} in InstallExecuteSequence");
                Assert.That(ui.GetValueOrDefault(s.Action)?.Sequence ?? 0, Is.GreaterThan(ui.GetValueOrDefault("AppSearch")?.Sequence ?? int.MaxValue), $"{s.Action} after AppSearch");
            }

            Assert.That(ui.Keys.Intersect(executeOnly), Is.Empty, "Sequence=\"execute\" actions stay out of the UI sequence");
            // The same order in both: each remembers before it recalls, in the fragment's chain.
            var order = both.Select(s => s.Action).ToList();
            Assert.That(order.OrderBy(a => ui.GetValueOrDefault(a)?.Sequence), Is.EqualTo(order.OrderBy(a => execute.GetValueOrDefault(a)?.Sequence)));
        });
    }

    [Test]
    public void SpecialTables_FollowTheFragment_WhenItHidesLessAndSchedulesARecallForExecuteOnly()
    {
        // A copy of installer/ whose fragment no longer hides Commit's target and schedules its last recall (no action is
        // anchored on it) in the execute sequence only: the kit must derive both tables from the fragment, not from a
        // list of its own.
        var work = Path.Combine(RepoPaths.Artifacts, "kit-tests", "changed-fragment");
        TempDir.DeleteTree(work);
        FileTree.Copy(RepoPaths.Installer, Path.Combine(work, "installer"));
        var wxs = Path.Combine(work, "installer", "CertificateActions.wxs");
        var doc = System.Xml.Linq.XDocument.Load(wxs);
        var commit = doc.Descendants(WxsSource.Ns + "CustomAction").Single(e => (string?)e.Attribute("Id") == "CertInstaller_Commit");
        commit.SetAttributeValue("HideTarget", null);
        var recall = doc.Descendants(WxsSource.Ns + "SetProperty").Single(e => (string?)e.Attribute("Action") == "CertInstaller_Recall_POLICY");
        recall.SetAttributeValue("Sequence", "execute");
        doc.Save(wxs);

        var changed = MsiKit.MsiKit.BuildSample(Path.Combine(work, "installer"), "1.0.0", Path.Combine(RepoPaths.Artifacts, "kit-tests", "certs"),
            Path.Combine(RepoPaths.Artifacts, "kit-tests", "certinstaller-action.exe"), Path.Combine(work, "msi"));

        var hidden = IdtTable.Export(changed, "Property").Rows.Single(r => r[0] == "MsiHiddenProperties")[1].Split(';');
        var ui = IdtTable.Export(changed, "InstallUISequence").Rows.Select(r => r[0]).ToList();
        var execute = IdtTable.Export(changed, "InstallExecuteSequence").Rows.Select(r => r[0]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(hidden, Is.EqualTo(new[] { "CertInstaller_Backup", "CertInstaller_Preserve", "CertInstaller_RestoreOnRollback", "CertInstaller_Validate" }));
            Assert.That(ui, Does.Not.Contain("CertInstaller_Recall_POLICY").And.Contain("CertInstaller_Remember_POLICY").And.Contain("CertInstaller_Recall_HOST"));
            Assert.That(execute, Does.Contain("CertInstaller_Recall_POLICY"));
        });
    }

    [Test]
    public void RegeneratedCertificates_ArePermanentVersionedFiles()
    {
        var components = IdtTable.Export(this.msi, "Component");
        var files = IdtTable.Export(this.msi, "File");

        Assert.Multiple(() =>
        {
            foreach (var id in Sample.PermanentComponents)
            {
                var attributes = int.Parse(components.Rows.Single(r => r[0] == id)[components.Column("Attributes")], System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(attributes & 0x10, Is.EqualTo(0x10), $"{id} Permanent");
            }

            foreach (var (id, v) in Sample.FileDefaultVersions)
            {
                Assert.That(files.Rows.Single(r => r[0] == id)[files.Column("Version")], Is.EqualTo(v.Version), id);
            }
        });
    }

    [Test]
    public void VersionedFiles_KeepTheirFileHash_SoWineOverwritesThemLikeWindows()
    {
        var hashed = IdtTable.Export(this.msi, "MsiFileHash").Rows.Select(r => r[0]).ToList();

        // WiX writes none for DefaultVersion files (WIX1103), and Windows needs none: a versioned file wins over an
        // unversioned one. Wine 8 decides by size, then hash: without it, a same-size third-party key would stay.
        Assert.That(hashed, Is.SupersetOf(Sample.FileDefaultVersions.Keys));
    }

    private Dictionary<string, SequenceRow> Sequence(string table) => IdtTable.Export(this.msi, table).Rows
        .ToDictionary(r => r[0], r => new SequenceRow(r[0], r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
}
