namespace CertInstaller.MsiKit;

/// <summary>
/// The Linux MSI kit: builds the sample product with wixl from SampleProduct.wixl.wxs, then adds by code, with
/// msibuild, everything installer/CertificateActions.wxs and installer/Sample/Product.wxs declare that wixl cannot author:
/// the custom actions (same ids, execution kinds, SetProperty data and conditions), their sequences (InstallExecuteSequence,
/// and InstallUISequence for what WiX schedules in both), the properties (MsiHiddenProperties from HideTarget included),
/// the remembered settings (RegistrySearch → AppSearch/RegLocator, the registry component → Component/Registry/
/// FeatureComponents), the MajorUpgrade schedule, Permanent components and file versions. The Binary is the certinstaller-action exe:
/// a DTF entry point "RestoreOnRollback" of action "X" becomes the exe target <c>restore-on-rollback "[X]"</c>.
/// </summary>
public static class MsiKit
{
    /// <summary>Builds the sample product MSI.</summary>
    /// <param name="installerDir">installer/ of the repository.</param>
    /// <param name="version">ProductVersion, e.g. 1.0.0.</param>
    /// <param name="regeneratedCertificatesDir">output of installer/Sample/regenerate-certificates.sh.</param>
    /// <param name="actionHostExe">the published win-x64 certinstaller-action.exe.</param>
    /// <param name="workDir">a scratch folder of this build.</param>
    /// <param name="withCertInstaller">false leaves the CertInstaller fragment out (no CertInstaller actions, data, properties
    /// or sequence rows): a vendor package that does not include the wixlib, for <c>certinstaller-action run</c>. The sample's
    /// own test action then takes the place of the fragment action it was scheduled against.</param>
    /// <returns>the MSI path.</returns>
    public static string BuildSample(string installerDir, string version, string regeneratedCertificatesDir, string actionHostExe, string workDir,
        bool withCertInstaller = true)
    {
        if (Directory.Exists(workDir))
        {
            Directory.Delete(workDir, recursive: true);
        }

        Directory.CreateDirectory(workDir);
        CopyTree(Path.Combine(installerDir, "Sample", "Payload"), Path.Combine(workDir, "Payload"));
        CopyTree(regeneratedCertificatesDir, Path.Combine(workDir, "certs"));
        File.Copy(Path.Combine(installerDir, "e2e", "SampleProduct.wixl.wxs"), Path.Combine(workDir, "SampleProduct.wixl.wxs"));
        var msi = Path.Combine(workDir, $"CertInstallerSample-{version}.msi");
        Tools.Run("wixl", workDir, "-a", "x64", "-D", $"ProductVersion={version}", "-D", "RegeneratedCertificatesDir=certs",
            "-D", "PayloadDir=Payload", "-o", msi, "SampleProduct.wixl.wxs");

        var fragment = WxsSource.Load(Path.Combine(installerDir, "CertificateActions.wxs"));
        var sample = WxsSource.Load(Path.Combine(installerDir, "Sample", "Product.wxs"));
        var idt = Path.Combine(workDir, "idt");
        WxsSource[] sources = withCertInstaller ? [fragment, sample] : [sample];
        AddCustomActions(msi, idt, actionHostExe, sources);
        AddProperties(msi, idt, sources);
        AddRegistrySearches(msi, idt, sources);
        AddRegistryComponents(msi, idt, sample, sources);
        AddSequence(msi, idt, sample, withCertInstaller ? null : fragment, sources);
        AddUISequence(msi, idt, withCertInstaller ? null : fragment, sources);
        ApplyComponentsAndFiles(msi, idt, sample);
        return msi;
    }

    /// <summary>
    /// The schedules of <paramref name="schedules"/> with every anchor that is an action of <paramref name="leftOut"/>
    /// replaced by where that action would have been (its own anchor and direction, recursively): "After
    /// CertInstaller_Validate" becomes "After InstallFiles" when the fragment is left out.
    /// </summary>
    public static IEnumerable<WxsSchedule> Reanchor(IEnumerable<WxsSchedule> schedules, WxsSource leftOut)
    {
        // An action WiX schedules in both sequences has the same anchor in each.
        var removed = leftOut.AllScheduled.Concat(leftOut.UIScheduled).DistinctBy(s => s.Action).ToDictionary(s => s.Action);
        foreach (var s in schedules)
        {
            var current = s;
            for (var hops = 0; removed.TryGetValue(current.Anchor, out var gone); hops++)
            {
                if (hops > removed.Count)
                {
                    throw new InvalidDataException($"action {s.Action}: the anchors of {leftOut.Path} form a cycle");
                }

                current = current with { Before = gone.Before, After = gone.After };
            }

            yield return current;
        }
    }

    /// <summary>The CustomAction rows the kit derives from the WiX sources (also used by tests to show the mapping).</summary>
    public static IEnumerable<string[]> CustomActionRows(params WxsSource[] sources)
    {
        foreach (var source in sources)
        {
            foreach (var ca in source.CustomActions)
            {
                if (ca.BinaryRef is not null && ca.DllEntry is not null)
                {
                    // Exe custom actions get no CustomActionData: the data is the formatted property in the command line.
                    yield return [ca.Id, CustomActionTypes.For(ca, CustomActionTypes.ExeFromBinary).ToString(), ca.BinaryRef,
                        $"{CustomActionTypes.Operation(ca.DllEntry)} \"[{ca.Id}]\"", ""];
                }
                else if (ca.Directory is not null && ca.ExeCommand is not null)
                {
                    yield return [ca.Id, CustomActionTypes.For(ca, CustomActionTypes.ExeInDirectory).ToString(), ca.Directory, ca.ExeCommand, ""];
                }
                else
                {
                    throw new InvalidDataException($"{source.Path}: custom action {ca.Id} is neither a BinaryRef/DllEntry nor a Directory/ExeCommand action");
                }
            }

            foreach (var sp in source.SetProperties)
            {
                yield return [sp.Action, CustomActionTypes.SetFormattedProperty.ToString(), sp.PropertyId, sp.Value, ""];
            }
        }
    }

    private static void AddCustomActions(string msi, string idt, string actionHostExe, params WxsSource[] sources)
    {
        var table = IdtTable.Export(msi, "CustomAction");
        foreach (var row in CustomActionRows(sources))
        {
            table.Add(row);
        }

        table.Import(msi, idt);

        var binary = IdtTable.Export(msi, "Binary");
        var binaryIds = sources.SelectMany(s => s.CustomActions).Select(c => c.BinaryRef).OfType<string>().Distinct();
        Directory.CreateDirectory(Path.Combine(idt, "Binary"));
        foreach (var id in binaryIds)
        {
            File.Copy(actionHostExe, Path.Combine(idt, "Binary", id + ".ibd"), overwrite: true);
            binary.Add(id, id + ".ibd");
        }

        binary.Import(msi, idt);
    }

    private static void AddProperties(string msi, string idt, params WxsSource[] sources)
    {
        var table = IdtTable.Export(msi, "Property");
        string? Get(string id) => table.Rows.FirstOrDefault(r => r[0] == id)?[1];
        void Set(string id, string value)
        {
            table.Rows.RemoveAll(r => r[0] == id);
            table.Add(id, value);
        }

        var secure = (Get("SecureCustomProperties") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var p in sources.SelectMany(s => s.Properties))
        {
            if (!string.IsNullOrEmpty(p.Value))
            {
                Set(p.Id, p.Value);
            }

            if (p.Secure && !secure.Contains(p.Id))
            {
                secure.Add(p.Id);
            }
        }

        Set("SecureCustomProperties", string.Join(';', secure));
        var hidden = HiddenProperties(sources).Union((Get("MsiHiddenProperties") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            .Order(StringComparer.Ordinal).ToList();
        if (hidden.Count > 0)
        {
            Set("MsiHiddenProperties", string.Join(';', hidden));
        }

        table.Import(msi, idt);
    }

    /// <summary>
    /// The value WiX's binder gives MsiHiddenProperties (CreateSpecialPropertiesCommand): the hidden properties of the
    /// sources (see <see cref="WxsSource.HiddenProperties"/>), sorted and joined by <c>;</c>. wixl writes no such property,
    /// so without it the engine would log the deferred actions' ActionData.
    /// </summary>
    public static IReadOnlyList<string> HiddenProperties(params WxsSource[] sources) =>
        sources.SelectMany(s => s.HiddenProperties).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The AppSearch and RegLocator rows of the RegistrySearch elements.</summary>
    public static IEnumerable<(string[] AppSearch, string[] RegLocator)> RegistrySearchRows(params WxsSource[] sources)
    {
        foreach (var search in sources.SelectMany(s => s.RegistrySearches))
        {
            var type = search.Type switch
            {
                "directory" => 0,
                "file" => 1,
                "raw" => 2,
                var other => throw new InvalidDataException($"RegistrySearch {search.Id}: Type=\"{other}\" is not supported by the kit"),
            };
            type |= search.Bitness switch
            {
                "always64" => 0x10, // msidbLocatorType64bit
                "always32" or "default" => 0,
                var other => throw new InvalidDataException($"RegistrySearch {search.Id}: Bitness=\"{other}\" is not supported by the kit"),
            };
            yield return ([search.Property, search.Id],
                [search.Id, RegistryRoot(search.Root, search.Id), search.Key, search.Name ?? "", type.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
    }

    /// <summary>The Registry rows of the registry components: Registry, Root, Key, Name, Value, Component_.</summary>
    public static IEnumerable<string[]> RegistryRows(WxsRegistryComponent component) =>
        component.Values.Select(v => new[]
        {
            RegistryRowId(component, v), RegistryRoot(v.Root, component.Id), v.Key, v.Name ?? "",
            v.Type switch
            {
                // A string value that starts with # would be read as a number or binary: WiX doubles the #.
                "string" => v.Value.StartsWith('#') ? "#" + v.Value : v.Value,
                "integer" => "#" + v.Value,
                var other => throw new InvalidDataException($"component {component.Id}: RegistryValue Type=\"{other}\" is not supported by the kit"),
            },
            component.Id,
        });

    private static void AddRegistrySearches(string msi, string idt, params WxsSource[] sources)
    {
        var appSearch = IdtTable.Export(msi, "AppSearch");
        var regLocator = IdtTable.Export(msi, "RegLocator");
        foreach (var (a, r) in RegistrySearchRows(sources))
        {
            appSearch.Add(a);
            regLocator.Add(r);
        }

        appSearch.Import(msi, idt);
        regLocator.Import(msi, idt);
    }

    private static void AddRegistryComponents(string msi, string idt, WxsSource product, params WxsSource[] sources)
    {
        const int registryKeyPath = 0x4;
        const int bits64 = 0x100;
        var components = IdtTable.Export(msi, "Component");
        var registry = IdtTable.Export(msi, "Registry");
        var featureComponents = IdtTable.Export(msi, "FeatureComponents");
        var groups = sources.SelectMany(s => s.ComponentGroups).ToDictionary(g => g.Key, g => g.Value);
        foreach (var component in sources.SelectMany(s => s.RegistryComponents))
        {
            var keyPath = component.Values.SingleOrDefault(v => v.KeyPath)
                ?? throw new InvalidDataException($"component {component.Id}: the kit needs one RegistryValue with KeyPath=\"yes\"");
            var attributes = registryKeyPath | (component.Bitness == "always64" ? bits64 : 0);
            components.Add(component.Id, "{" + ComponentGuid(component) + "}", component.Directory,
                attributes.ToString(System.Globalization.CultureInfo.InvariantCulture), "", RegistryRowId(component, keyPath));
            foreach (var row in RegistryRows(component))
            {
                registry.Add(row);
            }

            var features = product.FeatureComponentGroupRefs.Where(r => groups.TryGetValue(r.Group, out var ids) && ids.Contains(component.Id))
                .Select(r => r.Feature).Distinct().ToList();
            if (features.Count == 0)
            {
                throw new InvalidDataException($"{product.Path}: no Feature references the ComponentGroup of component {component.Id} (WiX: orphaned component)");
            }

            foreach (var feature in features)
            {
                featureComponents.Add(feature, component.Id);
            }
        }

        components.Import(msi, idt);
        registry.Import(msi, idt);
        featureComponents.Import(msi, idt);
    }

    private static string RegistryRoot(string root, string owner) => root switch
    {
        "HKCR" => "0",
        "HKCU" => "1",
        "HKLM" => "2",
        "HKU" => "3",
        "HKMU" => "-1",
        _ => throw new InvalidDataException($"{owner}: registry Root=\"{root}\" is not supported by the kit"),
    };

    private static string RegistryRowId(WxsRegistryComponent component, WxsRegistryValue value) =>
        "reg" + Hash($"{component.Id}|{value.Root}|{value.Key}|{value.Name}")[..32];

    /// <summary>The component's own Guid, or (WiX's Guid="*" default) one derived from its key path, the same in
    /// every version of the product so a major upgrade and a repair see the same component.</summary>
    private static string ComponentGuid(WxsRegistryComponent component)
    {
        if (component.Guid is { Length: > 0 } guid && guid != "*")
        {
            return guid.Trim('{', '}').ToUpperInvariant();
        }

        var keyPath = component.Values.Single(v => v.KeyPath);
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{component.Bitness}|{keyPath.Root}|{keyPath.Key}|{keyPath.Name}".ToLowerInvariant()));
        return new Guid(bytes.AsSpan(0, 16)).ToString("D").ToUpperInvariant();
    }

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static void AddSequence(string msi, string idt, WxsSource product, WxsSource? leftOut, params WxsSource[] sources)
    {
        var table = IdtTable.Export(msi, "InstallExecuteSequence");
        var rows = table.Rows.Select(r => new SequenceRow(r[0], r[1].Length == 0 ? null : r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // wixl sequences AppSearch and the registry actions only for what it authored itself; the kit added searches
        // and registry values, so they need them too (at the numbers of the standard sequence).
        void Standard(string action, int sequence, bool needed)
        {
            if (needed && rows.All(r => r.Action != action))
            {
                rows.Add(new SequenceRow(action, null, sequence));
            }
        }

        Standard("AppSearch", 50, sources.Any(s => s.RegistrySearches.Count > 0));
        Standard("RemoveRegistryValues", 2600, sources.Any(s => s.RegistryComponents.Count > 0));
        Standard("WriteRegistryValues", 5000, sources.Any(s => s.RegistryComponents.Count > 0));
        var scheduled = new List<WxsSchedule>();
        var rep = rows.FirstOrDefault(r => r.Action == "RemoveExistingProducts");
        if (rep is not null)
        {
            // wixl ignores MajorUpgrade/@Schedule: place RemoveExistingProducts where WiX would.
            scheduled.Add(product.MajorUpgradeSchedule switch
            {
                "afterInstallInitialize" => new WxsSchedule(rep.Action, null, "InstallInitialize", rep.Condition),
                "afterInstallValidate" or null => new WxsSchedule(rep.Action, null, "InstallValidate", rep.Condition),
                "afterInstallExecute" => new WxsSchedule(rep.Action, null, "InstallExecute", rep.Condition),
                "afterInstallFinalize" => new WxsSchedule(rep.Action, null, "InstallFinalize", rep.Condition),
                var other => throw new InvalidDataException($"MajorUpgrade Schedule=\"{other}\" is not supported by the kit"),
            });
        }

        var own = sources.SelectMany(s => s.AllScheduled);
        scheduled.AddRange(leftOut is null ? own : Reanchor(own, leftOut));
        var resolved = SequenceResolver.Resolve(rows, scheduled);
        table.Rows.Clear();
        foreach (var r in resolved)
        {
            table.Add(r.Action, r.Condition ?? "", r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.Import(msi, idt);
    }

    /// <summary>
    /// InstallUISequence: the actions WiX schedules in both sequences (the remember/recall SetProperty actions,
    /// Sequence="both") and AppSearch, which they follow, at its standard number. Windows Installer runs this table only
    /// for a reduced or full UI (<c>/qr</c>, <c>/qf</c>); AppSearch then runs here and not again in the execute sequence,
    /// and the client hands the recalled public properties to the server.
    /// </summary>
    private static void AddUISequence(string msi, string idt, WxsSource? leftOut, params WxsSource[] sources)
    {
        var own = sources.SelectMany(s => s.UIScheduled).ToList();
        var searches = sources.Any(s => s.RegistrySearches.Count > 0);
        if (own.Count == 0 && !searches)
        {
            return; // wixl's table as it is (the package without the fragment)
        }

        var table = IdtTable.Export(msi, "InstallUISequence");
        var rows = table.Rows.Select(r => new SequenceRow(r[0], r[1].Length == 0 ? null : r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (searches && rows.All(r => r.Action != "AppSearch"))
        {
            rows.Add(new SequenceRow("AppSearch", null, 50));
        }

        var resolved = SequenceResolver.Resolve(rows, leftOut is null ? own : Reanchor(own, leftOut));
        table.Rows.Clear();
        foreach (var r in resolved)
        {
            table.Add(r.Action, r.Condition ?? "", r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.Import(msi, idt);
    }

    private static void ApplyComponentsAndFiles(string msi, string idt, WxsSource product)
    {
        const int permanent = 0x10;
        var components = IdtTable.Export(msi, "Component");
        var attributes = components.Column("Attributes");
        foreach (var row in components.Rows.Where(r => product.PermanentComponents.Contains(r[0])))
        {
            row[attributes] = (int.Parse(row[attributes], System.Globalization.CultureInfo.InvariantCulture) | permanent).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        components.Import(msi, idt);

        var files = IdtTable.Export(msi, "File");
        var version = files.Column("Version");
        var language = files.Column("Language");
        foreach (var row in files.Rows)
        {
            if (product.FileDefaultVersions.TryGetValue(row[0], out var v))
            {
                row[version] = v.Version;
                row[language] = v.Language;
            }
        }

        files.Import(msi, idt);

        // WiX writes no MsiFileHash row for a DefaultVersion file (WIX1103); the kit keeps the rows wixl wrote. Windows
        // replaces an unversioned file on disk with a versioned one by the versioning rules alone; Wine 8 compares size
        // and then the hash, so without the hash a third-party key of the same size as the product's would stay in place
        // and the Linux sample would overwrite less of the folder than the Windows one does.
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
