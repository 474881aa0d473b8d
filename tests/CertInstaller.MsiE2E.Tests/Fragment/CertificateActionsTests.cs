using CertInstaller.Installer.Data;
using CertInstaller.MsiE2E.Tests.Fixtures;
using CertInstaller.MsiKit;

namespace CertInstaller.MsiE2E.Tests.Fragment;

/// <summary>Static checks of installer/CertificateActions.wxs (and the sample) against the rules and the README.</summary>
public sealed class CertificateActionsTests
{
    private static readonly string[] ActionIds =
        ["CertInstaller_RestoreOnRollback", "CertInstaller_Backup", "CertInstaller_Preserve", "CertInstaller_Validate", "CertInstaller_Commit"];

    // Issue 23 §2: every list below comes from the ActionData schema, so the fragment and the README are checked
    // against the one table the serializer, the wrapper and the hints are derived from.
    private static readonly string[] PublicProperties = ActionDataSchema.Fields.Where(f => f.Public).Select(f => f.Property).ToArray();

    private static readonly string[] RememberedProperties = ActionDataSchema.Fields.Where(f => f.Remembered).Select(f => f.Property).ToArray();

    /// <summary>The ActionData every deferred action gets: each schema row's <c>Key=[Property]</c>, in the schema's order.</summary>
    private static string SchemaActionData => string.Join(";", ActionDataSchema.Fields.Select(f => f.FragmentPair));

    private static WxsSource Fragment => WxsSource.Load(Path.Combine(RepoPaths.Installer, "CertificateActions.wxs"));
    private static WxsSource Sample => WxsSource.Load(Path.Combine(RepoPaths.Installer, "Sample", "Product.wxs"));
    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Installer, "README.md"));

    private static IEnumerable<WxsCustomAction> ScriptActions() =>
        new[] { Fragment, Sample }.SelectMany(s => s.CustomActions).Where(a => a.Execute is "deferred" or "rollback" or "commit");

    [Test]
    public void Fragment_DeclaresTheContractActionIds() =>
        Assert.That(Fragment.CustomActions.Select(a => a.Id), Is.EquivalentTo(ActionIds));

    [Test]
    public void ScriptActions_RunWithoutImpersonationAndHideTheirTarget()
    {
        var fragmentActions = Fragment.CustomActions.Where(a => a.Execute is "deferred" or "rollback" or "commit").ToList();
        Assert.That(fragmentActions, Has.Count.EqualTo(ActionIds.Length));
        Assert.Multiple(() =>
        {
            foreach (var a in fragmentActions)
            {
                Assert.That(a.Impersonate, Is.False, $"{a.Id} Impersonate=\"no\"");
                Assert.That(a.HideTarget, Is.True, $"{a.Id} HideTarget=\"yes\"");
                Assert.That(a.Return, Is.EqualTo("check"), $"{a.Id} Return=\"check\"");
            }

            foreach (var a in ScriptActions())
            {
                Assert.That(a.Impersonate, Is.False, $"{a.Id} Impersonate=\"no\"");
            }
        });
    }

    [Test]
    public void FragmentScriptActions_EachHaveASetPropertyWithTheirIdAndTheirCondition()
    {
        Assert.Multiple(() =>
        {
            foreach (var a in Fragment.CustomActions)
            {
                var set = Fragment.SetProperties.SingleOrDefault(s => s.PropertyId == a.Id);
                Assert.That(set, Is.Not.Null, $"a SetProperty with Id=\"{a.Id}\"");
                if (set is null)
                {
                    continue;
                }

                Assert.That(set.Schedule.Before, Is.EqualTo(a.Id), $"{a.Id}'s data is set right before it");
                var custom = Fragment.Scheduled.Single(c => c.Action == a.Id);
                Assert.That(set.Schedule.Condition, Is.EqualTo(custom.Condition), $"{a.Id}'s SetProperty runs when {a.Id} runs");
            }
        });
    }

    [Test]
    public void ActionData_OfEveryAction_IsTheSchemaAndEndsWithProductVersion()
    {
        Assert.Multiple(() =>
        {
            foreach (var id in ActionIds)
            {
                var value = Fragment.SetProperties.Single(s => s.PropertyId == id).Value;
                Assert.That(value.Split(';').Select(p => p.Split('=', 2)[0]), Is.EqualTo(ActionDataSerializer.Keys), $"{id}: keys in the schema's order");
                Assert.That(value, Is.EqualTo(SchemaActionData), $"{id}: each key passes its schema property");
                Assert.That(value, Does.EndWith(";ProductVersion=[ProductVersion]"), $"{id}: last key ProductVersion=[ProductVersion]");
            }
        });
    }

    [Test]
    public void ReadmePropertyTable_IsTheSchema()
    {
        var rows = ReadmeTables.Rows(Readme, "## Properties");
        var publicFields = ActionDataSchema.Fields.Where(f => f.Public).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (ReadmeTables.Code(r[0]), ReadmeTables.Code(r[1]))), Is.EqualTo(publicFields.Select(f => ((string?)f.Property, (string?)f.Key))),
                "installer/README.md Properties table: one row per public schema row, same order, property and key");
            foreach (var (row, field) in rows.Zip(publicFields))
            {
                Assert.That(field.MsiDefault is null ? row[2].StartsWith("empty", StringComparison.Ordinal) : ReadmeTables.Code(row[2]) == field.MsiDefault, Is.True,
                    $"{field.Property}: README default '{row[2]}', schema default '{field.MsiDefault ?? "(none)"}'");
            }

            Assert.That(Readme.Replace("\r\n", "\n"), Does.Contain("\n```\n" + SchemaActionData + "\n```\n"), "installer/README.md shows the ActionData of the schema");
        });
    }

    [Test]
    public void PublicProperties_AreSecureWithSafeDefaults()
    {
        var props = Fragment.Properties.ToDictionary(p => p.Id);
        Assert.Multiple(() =>
        {
            foreach (var id in PublicProperties)
            {
                Assert.That(props.TryGetValue(id, out var p) && p.Secure, Is.True, $"{id} Secure=\"yes\"");
            }

            // Defaults are SetProperty actions (after the remembered values are recalled), never Property values.
            foreach (var id in PublicProperties)
            {
                Assert.That(props[id].Value, Is.Null.Or.Empty, $"{id} has no Property-table default (it would hide a remembered value)");
            }

            // Each public property's default is its schema row's, set by one CertInstaller_Default* action when still empty.
            foreach (var field in ActionDataSchema.Fields.Where(f => f.Public))
            {
                var defaults = Fragment.SetProperties.Where(s => s.PropertyId == field.Property && s.Action.StartsWith("CertInstaller_Default", StringComparison.Ordinal)).ToList();
                Assert.That(defaults.Select(d => (d.Value, d.Schedule.Condition)),
                    Is.EqualTo(field.MsiDefault is null ? Array.Empty<(string, string?)>() : new[] { (field.MsiDefault, (string?)$"NOT {field.Property}") }),
                    $"{field.Property}: default {field.MsiDefault ?? "(none)"}");
            }

            var certDir = Fragment.SetProperties.Single(s => s.Action == "CertInstaller_DefaultCertDir");
            Assert.That((certDir.Value, certDir.Schedule.Condition), Is.EqualTo(("[CERTINSTALLER_PRODUCT_CERTDIR]", "NOT CERTINSTALLER_CERTDIR")));
            var backupDir = Fragment.SetProperties.Single(s => s.Action == "CertInstaller_DefaultBackupDir");
            Assert.That((backupDir.Value, backupDir.Schedule.Condition), Is.EqualTo((@"[CommonAppDataFolder]CertInstaller\Backups\", "NOT CERTINSTALLER_BACKUPDIR")));
            Assert.That(Fragment.DirectoryRefs, Does.Contain("CERTINSTALLER_PRODUCT_CERTDIR"));
        });
    }

    [Test]
    public void Sequence_PutsRollbackBeforeBackupBeforeFilesAndPreserveAfterTheProductsCertificateStep()
    {
        var order = ResolvedSampleSequence();
        int At(string action) => order.IndexOf(action) is var i and >= 0 ? i : throw new AssertionException($"{action} is not sequenced");

        Assert.Multiple(() =>
        {
            Assert.That(At("CertInstaller_RestoreOnRollback"), Is.LessThan(At("CertInstaller_Backup")), "rollback before Backup");
            Assert.That(At("InstallInitialize"), Is.LessThan(At("CertInstaller_RestoreOnRollback")), "inside the script");
            Assert.That(At("CertInstaller_Backup"), Is.LessThan(At("RemoveExistingProducts")), "Backup before the old product goes");
            Assert.That(At("CertInstaller_Backup"), Is.LessThan(At("InstallFiles")), "Backup before the product writes");
            // The sample's certificate step is its TestStep_* components, written by InstallFiles.
            Assert.That(At("CertInstaller_Preserve"), Is.GreaterThan(At("InstallFiles")), "Preserve after the certificate step");
            Assert.That(At("CertInstaller_Validate"), Is.GreaterThan(At("CertInstaller_Preserve")), "Validate after Preserve");
            Assert.That(At("CertInstallerTest_FailAfterPreserve"), Is.GreaterThan(At("CertInstaller_Validate")), "the test failure after Preserve");
            Assert.That(At("CertInstaller_Commit"), Is.LessThan(At("InstallFinalize")));
            foreach (var id in ActionIds)
            {
                Assert.That(At("Set" + id), Is.EqualTo(At(id) - 1), $"Set{id} right before {id}");
            }

            foreach (var mode in Fragment.SetProperties.Where(s => s.PropertyId == "CertInstallerMode"))
            {
                Assert.That(At(mode.Action), Is.LessThan(At("SetCertInstaller_RestoreOnRollback")), $"{mode.Action} before the data is built");
            }
        });
    }

    [Test]
    public void ModeConditions_MatchTheReadmeTable()
    {
        var rows = ReadmeTables.Rows(Readme, "## Modes");
        var documented = rows.Where(r => ReadmeTables.Code(r[1]) is not null)
            .ToDictionary(r => ReadmeTables.Code(r[1])!, r => ReadmeTables.Code(r[2]));
        var declared = Fragment.SetProperties.Where(s => s.PropertyId == "CertInstallerMode")
            .ToDictionary(s => s.Value, s => s.Schedule.Condition);

        Assert.That(documented.Keys, Is.EquivalentTo(new[] { "install", "upgrade", "addoption", "repair", "patch", "uninstall", "maintenance" }));
        Assert.That(declared, Is.EquivalentTo(documented), "CertInstaller_Mode_* conditions = README's Modes table");
        foreach (var mode in Fragment.SetProperties.Where(s => s.PropertyId == "CertInstallerMode"))
        {
            Assert.That(mode.Action, Is.EqualTo("CertInstaller_Mode_" + mode.Value));
        }
    }

    [Test]
    public void ActionConditions_MatchTheReadmeTable()
    {
        var documented = ReadmeTables.Rows(Readme, "## Actions and sequence")
            .ToDictionary(r => ReadmeTables.Code(r[0])!, r => ReadmeTables.Code(r[3]));
        var declared = Fragment.Scheduled.ToDictionary(c => c.Action, c => c.Condition);

        Assert.That(declared, Is.EquivalentTo(documented));
    }

    /// <summary>Every public property is remembered: a search of its stored value, the Remember and Recall actions
    /// (command line wins), a value in the fragment's registry component, and the recall happens before the default.</summary>
    [Test]
    public void PublicProperties_AreEachRememberedInTheRegistry()
    {
        const string key = @"SOFTWARE\CertInstaller\[UpgradeCode]";
        var component = Fragment.RegistryComponents.Single();
        var order = ResolvedSampleSequence();
        Assert.Multiple(() =>
        {
            Assert.That(Fragment.ComponentGroups["CertInstaller_RememberedSettings"], Is.EqualTo(new[] { component.Id }));
            Assert.That(component.Bitness, Is.EqualTo("always64"));
            Assert.That(component.Values.Where(v => v.KeyPath).Select(v => v.Name), Is.EqualTo(new[] { "ProductCode" }));
            Assert.That(Sample.FeatureComponentGroupRefs, Does.Contain(("Main", "CertInstaller_RememberedSettings")), "the sample installs it with its Main feature");
            // The public properties are exactly those the registry component stores (a new public property must be remembered too).
            var publicSecure = Fragment.Properties.Where(p => p.Secure && !p.Id.StartsWith("CERTINSTALLER_REMEMBERED_", StringComparison.Ordinal)).Select(p => p.Id);
            Assert.That(publicSecure, Is.EquivalentTo(PublicProperties));
            Assert.That(component.Values.Where(v => !v.KeyPath).Select(v => v.Name), Is.EquivalentTo(RememberedProperties));
            foreach (var id in RememberedProperties)
            {
                var remembered = id.Replace("CERTINSTALLER_", "CERTINSTALLER_REMEMBERED_", StringComparison.Ordinal);
                var suffix = id["CERTINSTALLER_".Length..];
                var search = Fragment.RegistrySearches.SingleOrDefault(r => r.Property == remembered);
                Assert.That(search, Is.EqualTo(new WxsRegistrySearch(remembered, "CertInstaller_Remembered_" + suffix, "HKLM", key, id, "raw", "always64")), $"{id}: search");
                Assert.That(Fragment.Properties.Single(p => p.Id == remembered).Secure, Is.True, $"{remembered} Secure (AppSearch properties are public)");
                var value = component.Values.Single(v => v.Name == id);
                Assert.That((value.Root, value.Key, value.Value, value.Type), Is.EqualTo(("HKLM", key, $"[{remembered}]", "string")), $"{id}: stored value");

                var remember = Fragment.SetProperties.Single(s => s.Action == "CertInstaller_Remember_" + suffix);
                Assert.That((remember.PropertyId, remember.Value, remember.Schedule.Condition), Is.EqualTo((remembered, $"[{id}]", id)), $"{id}: a given value is remembered");
                var recall = Fragment.SetProperties.Single(s => s.Action == "CertInstaller_Recall_" + suffix);
                Assert.That((recall.PropertyId, recall.Value, recall.Schedule.Condition), Is.EqualTo((id, $"[{remembered}]", $"NOT {id} AND {remembered}")), $"{id}: an empty value takes the remembered one");
                Assert.That(order.IndexOf("AppSearch"), Is.LessThan(order.IndexOf(remember.Action)), $"{remember.Action} after AppSearch");
                Assert.That(order.IndexOf(remember.Action), Is.LessThan(order.IndexOf(recall.Action)), $"{recall.Action} after {remember.Action}");
                foreach (var d in Fragment.SetProperties.Where(s => s.PropertyId == id && s.Action.StartsWith("CertInstaller_Default", StringComparison.Ordinal)))
                {
                    Assert.That(order.IndexOf(recall.Action), Is.LessThan(order.IndexOf(d.Action)), $"{recall.Action} before {d.Action}");
                }
            }
        });
    }

    [Test]
    public void Kit_TranslatesEachActionToAnExeActionWithTheSameIdKindAndData()
    {
        var rows = MsiKit.MsiKit.CustomActionRows(Fragment).ToDictionary(r => r[0]);

        Assert.Multiple(() =>
        {
            Assert.That(rows["CertInstaller_RestoreOnRollback"][1..4], Is.EqualTo(new[] { "11522", "CertInstallerCA", "restore-on-rollback \"[CertInstaller_RestoreOnRollback]\"" }));
            Assert.That(rows["CertInstaller_Backup"][1..4], Is.EqualTo(new[] { "11266", "CertInstallerCA", "backup \"[CertInstaller_Backup]\"" }));
            Assert.That(rows["CertInstaller_Preserve"][1..4], Is.EqualTo(new[] { "11266", "CertInstallerCA", "preserve \"[CertInstaller_Preserve]\"" }));
            Assert.That(rows["CertInstaller_Validate"][1..4], Is.EqualTo(new[] { "11266", "CertInstallerCA", "validate \"[CertInstaller_Validate]\"" }));
            Assert.That(rows["CertInstaller_Commit"][1..4], Is.EqualTo(new[] { "11778", "CertInstallerCA", "commit \"[CertInstaller_Commit]\"" }));
            Assert.That(rows["SetCertInstaller_Backup"][1..3], Is.EqualTo(new[] { "51", "CertInstaller_Backup" }));
            Assert.That(MsiKit.MsiKit.CustomActionRows(Sample).Single(r => r[0] == "CertInstallerTest_FailAfterPreserve")[1], Is.EqualTo("3106"));
        });
    }

    private static List<string> ResolvedSampleSequence()
    {
        string[] standard =
        [
            "FindRelatedProducts", "AppSearch", "LaunchConditions", "CostInitialize", "FileCost", "CostFinalize", "MigrateFeatureStates", "InstallValidate",
            "InstallInitialize", "ProcessComponents", "UnpublishFeatures", "RemoveFiles", "InstallFiles", "RegisterUser", "RegisterProduct",
            "PublishFeatures", "PublishProduct", "InstallFinalize",
        ];
        var rows = standard.Select((a, i) => new SequenceRow(a, null, (i + 1) * 100));
        Assert.That(Sample.MajorUpgradeSchedule, Is.EqualTo("afterInstallInitialize"), "the sample's MajorUpgrade schedule");
        var scheduled = new List<WxsSchedule> { new("RemoveExistingProducts", null, "InstallInitialize", null) };
        scheduled.AddRange(Fragment.AllScheduled);
        scheduled.AddRange(Sample.AllScheduled);
        return SequenceResolver.Resolve(rows, scheduled).Select(r => r.Action).ToList();
    }
}
