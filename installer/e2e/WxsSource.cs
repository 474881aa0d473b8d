using System.Xml.Linq;

namespace CertInstaller.MsiKit;

/// <summary>A CustomAction element of a WiX v4+ source.</summary>
public sealed record WxsCustomAction(
    string Id, string Execute, bool Impersonate, bool HideTarget, string Return,
    string? BinaryRef, string? DllEntry, string? Directory, string? ExeCommand);

/// <summary>A SetProperty element: an immediate type-51 action named <see cref="Action"/> that sets <see cref="PropertyId"/>,
/// scheduled in the sequences <see cref="Sequence"/> names: "execute", "ui" or "both" (WiX's default).</summary>
public sealed record WxsSetProperty(string PropertyId, string Action, string Value, WxsSchedule Schedule, string Sequence)
{
    /// <summary>Whether WiX schedules it in InstallExecuteSequence.</summary>
    public bool InExecuteSequence => this.Sequence is "execute" or "both";

    /// <summary>Whether WiX schedules it in InstallUISequence.</summary>
    public bool InUISequence => this.Sequence is "ui" or "both";
}

/// <summary>Where an action sits in a sequence table (InstallExecuteSequence or InstallUISequence) and when it runs.</summary>
public sealed record WxsSchedule(string Action, string? Before, string? After, string? Condition)
{
    public string Anchor => this.Before ?? this.After ?? throw new InvalidDataException($"action {this.Action} has neither Before nor After");
}

/// <summary>A RegistrySearch under the Property element <see cref="Property"/> (an AppSearch row and a RegLocator row).</summary>
public sealed record WxsRegistrySearch(string Property, string Id, string Root, string Key, string? Name, string Type, string Bitness);

/// <summary>A RegistryValue element, with the Root and Key of its RegistryKey parent where it has no own.</summary>
public sealed record WxsRegistryValue(string Root, string Key, string? Name, string Value, string Type, bool KeyPath);

/// <summary>A Component element that holds registry values (the fragment's remembered settings).</summary>
public sealed record WxsRegistryComponent(string Id, string? Guid, string Directory, string Bitness, IReadOnlyList<WxsRegistryValue> Values);

/// <summary>A Property element.</summary>
public sealed record WxsProperty(string Id, string? Value, bool Secure, bool Hidden = false);

/// <summary>
/// What a WiX v4+ source (installer/CertificateActions.wxs, installer/Sample/Product.wxs) says about custom actions,
/// their data, sequencing and properties: read once, used by the Linux MSI kit and by the fragment tests.
/// </summary>
public sealed partial class WxsSource
{
    public static readonly XNamespace Ns = "http://wixtoolset.org/schemas/v4/wxs";

    private WxsSource(string path, XDocument doc)
    {
        this.Path = path;
        this.Document = doc;
        var root = doc.Root ?? throw new InvalidDataException($"{path}: empty document");
        var defines = Defines(doc);
        this.CustomActions = root.Descendants(Ns + "CustomAction").Select(e => new WxsCustomAction(
            Attr(e, "Id")!, Attr(e, "Execute") ?? "immediate", Attr(e, "Impersonate") != "no", Attr(e, "HideTarget") == "yes",
            Attr(e, "Return") ?? "check", Attr(e, "BinaryRef"), Attr(e, "DllEntry"), Attr(e, "Directory"), Attr(e, "ExeCommand"))).ToList();
        this.SetProperties = root.Descendants(Ns + "SetProperty")
            .Select(e =>
            {
                var id = Attr(e, "Id")!;
                var action = Attr(e, "Action") ?? "Set" + id;
                var sequence = Attr(e, "Sequence") ?? "both";
                if (sequence is not ("execute" or "ui" or "both"))
                {
                    throw new InvalidDataException($"{path}: SetProperty {action}: Sequence=\"{sequence}\" is not supported by the kit");
                }

                return new WxsSetProperty(id, action, Resolve(path, defines, Attr(e, "Value") ?? ""), new WxsSchedule(action, Attr(e, "Before"), Attr(e, "After"), Attr(e, "Condition")), sequence);
            }).ToList();
        this.Scheduled = Customs(root, "InstallExecuteSequence");
        this.UIScheduledCustoms = Customs(root, "InstallUISequence");
        this.Properties = root.Descendants(Ns + "Property")
            .Select(e => new WxsProperty(Attr(e, "Id")!, Attr(e, "Value"), Attr(e, "Secure") == "yes", Attr(e, "Hidden") == "yes")).ToList();
        this.MajorUpgradeSchedule = root.Descendants(Ns + "MajorUpgrade").Select(e => Attr(e, "Schedule") ?? "afterInstallValidate").FirstOrDefault();
        this.PermanentComponents = root.Descendants(Ns + "Component").Where(e => Attr(e, "Permanent") == "yes").Select(e => Attr(e, "Id")!).ToList();
        this.FileDefaultVersions = root.Descendants(Ns + "File").Where(e => Attr(e, "DefaultVersion") is not null)
            .ToDictionary(e => Attr(e, "Id")!, e => (Attr(e, "DefaultVersion")!, Attr(e, "DefaultLanguage") ?? "0"));
        this.DirectoryRefs = root.Descendants(Ns + "DirectoryRef").Select(e => Attr(e, "Id")!).ToList();
        this.RegistrySearches = root.Descendants(Ns + "RegistrySearch").Select(e => new WxsRegistrySearch(
            Attr(e.Parent!, "Id")!, Attr(e, "Id")!, Attr(e, "Root")!, Attr(e, "Key")!, Attr(e, "Name"), Attr(e, "Type") ?? "raw",
            Attr(e, "Bitness") ?? "default")).ToList();
        this.RegistryComponents = root.Descendants(Ns + "Component").Where(c => c.Descendants(Ns + "RegistryValue").Any())
            .Select(c => new WxsRegistryComponent(Attr(c, "Id")!, Attr(c, "Guid"),
                Attr(c, "Directory") ?? c.Ancestors().Select(a => Attr(a, "Directory")).FirstOrDefault(d => d is not null) ?? "TARGETDIR",
                Attr(c, "Bitness") ?? "default",
                c.Descendants(Ns + "RegistryValue").Select(v => new WxsRegistryValue(
                    Attr(v, "Root") ?? Attr(v.Parent!, "Root")!, Attr(v, "Key") ?? Attr(v.Parent!, "Key")!, Attr(v, "Name"),
                    Attr(v, "Value") ?? "", Attr(v, "Type") ?? "string", Attr(v, "KeyPath") == "yes")).ToList())).ToList();
        this.ComponentGroups = root.Descendants(Ns + "ComponentGroup").ToDictionary(g => Attr(g, "Id")!,
            g => (IReadOnlyList<string>)g.Elements(Ns + "Component").Select(c => Attr(c, "Id")!).ToList());
        this.FeatureComponentGroupRefs = root.Descendants(Ns + "Feature")
            .SelectMany(f => f.Elements(Ns + "ComponentGroupRef").Select(r => (Feature: Attr(f, "Id")!, Group: Attr(r, "Id")!))).ToList();
    }

    public string Path { get; }
    public XDocument Document { get; }
    public IReadOnlyList<WxsCustomAction> CustomActions { get; }
    public IReadOnlyList<WxsSetProperty> SetProperties { get; }
    /// <summary>The Custom elements of InstallExecuteSequence.</summary>
    public IReadOnlyList<WxsSchedule> Scheduled { get; }
    /// <summary>The Custom elements of InstallUISequence.</summary>
    public IReadOnlyList<WxsSchedule> UIScheduledCustoms { get; }
    public IReadOnlyList<WxsProperty> Properties { get; }
    public string? MajorUpgradeSchedule { get; }
    public IReadOnlyList<string> PermanentComponents { get; }
    public IReadOnlyDictionary<string, (string Version, string Language)> FileDefaultVersions { get; }
    public IReadOnlyList<string> DirectoryRefs { get; }
    public IReadOnlyList<WxsRegistrySearch> RegistrySearches { get; }
    public IReadOnlyList<WxsRegistryComponent> RegistryComponents { get; }
    /// <summary>ComponentGroup id → the ids of the Component elements it holds.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ComponentGroups { get; }
    /// <summary>Which feature references which ComponentGroup.</summary>
    public IReadOnlyList<(string Feature, string Group)> FeatureComponentGroupRefs { get; }

    /// <summary>Every action of InstallExecuteSequence: SetProperty actions (Sequence execute or both) and Custom elements, in
    /// document order of each kind.</summary>
    public IEnumerable<WxsSchedule> AllScheduled => this.SetProperties.Where(s => s.InExecuteSequence).Select(s => s.Schedule).Concat(this.Scheduled);

    /// <summary>Every action of InstallUISequence: SetProperty actions (Sequence ui or both) and Custom elements.</summary>
    public IEnumerable<WxsSchedule> UIScheduled => this.SetProperties.Where(s => s.InUISequence).Select(s => s.Schedule).Concat(this.UIScheduledCustoms);

    /// <summary>
    /// The properties WiX lists in MsiHiddenProperties: every Property with Hidden="yes", and the property of every
    /// in-script (deferred, rollback, commit) custom action with HideTarget="yes", its CustomActionData, which carries the
    /// action's own Id. Windows Installer then logs neither their values nor the data.
    /// </summary>
    public IEnumerable<string> HiddenProperties => this.Properties.Where(p => p.Hidden).Select(p => p.Id)
        .Concat(this.CustomActions.Where(a => a.HideTarget && (a.Execute is "deferred" or "rollback" or "commit")).Select(a => a.Id));

    public static WxsSource Load(string path) =>
        new(path, XDocument.Load(path, LoadOptions.SetLineInfo));

    private static List<WxsSchedule> Customs(XElement root, string sequence) => root.Descendants(Ns + sequence).Elements(Ns + "Custom")
        .Select(e => new WxsSchedule(Attr(e, "Action")!, Attr(e, "Before"), Attr(e, "After"), Attr(e, "Condition"))).ToList();

    private static string? Attr(XElement e, string name) => (string?)e.Attribute(name);

    /// <summary>The source's <c>&lt;?define Name = "value"?&gt;</c> variables, as WiX's preprocessor reads them.</summary>
    private static Dictionary<string, string> Defines(XDocument doc) => doc.DescendantNodes().OfType<XProcessingInstruction>()
        .Where(pi => pi.Target == "define")
        .Select(pi => DefineSyntax().Match(pi.Data))
        .Where(m => m.Success)
        .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    /// <summary><paramref name="value"/> with each <c>$(var.Name)</c> replaced by its define (the one preprocessor feature the fragment uses).</summary>
    private static string Resolve(string path, Dictionary<string, string> defines, string value) => VariableSyntax().Replace(value, m =>
        defines.TryGetValue(m.Groups[1].Value, out var defined) ? defined : throw new InvalidDataException($"{path}: $(var.{m.Groups[1].Value}) has no <?define?>"));

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\w+)\s*=\s*""([^""]*)""\s*$")]
    private static partial System.Text.RegularExpressions.Regex DefineSyntax();

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\(var\.(\w+)\)")]
    private static partial System.Text.RegularExpressions.Regex VariableSyntax();
}
