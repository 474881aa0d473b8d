using System.Xml.Linq;

namespace CertInstaller.MsiKit;

/// <summary>A CustomAction element of a WiX v4+ source.</summary>
public sealed record WxsCustomAction(
    string Id, string Execute, bool Impersonate, bool HideTarget, string Return,
    string? BinaryRef, string? DllEntry, string? Directory, string? ExeCommand);

/// <summary>A SetProperty element: an immediate type-51 action named <see cref="Action"/> that sets <see cref="PropertyId"/>.</summary>
public sealed record WxsSetProperty(string PropertyId, string Action, string Value, WxsSchedule Schedule);

/// <summary>Where an action sits in InstallExecuteSequence and when it runs.</summary>
public sealed record WxsSchedule(string Action, string? Before, string? After, string? Condition)
{
    public string Anchor => this.Before ?? this.After ?? throw new InvalidDataException($"action {this.Action} has neither Before nor After");
}

/// <summary>A Property element.</summary>
public sealed record WxsProperty(string Id, string? Value, bool Secure);

/// <summary>
/// What a WiX v4+ source (installer/CertificateActions.wxs, installer/Sample/Product.wxs) says about custom actions,
/// their data, sequencing and properties: read once, used by the Linux MSI kit and by the fragment tests.
/// </summary>
public sealed class WxsSource
{
    public static readonly XNamespace Ns = "http://wixtoolset.org/schemas/v4/wxs";

    private WxsSource(string path, XDocument doc)
    {
        this.Path = path;
        this.Document = doc;
        var root = doc.Root ?? throw new InvalidDataException($"{path}: empty document");
        this.CustomActions = root.Descendants(Ns + "CustomAction").Select(e => new WxsCustomAction(
            Attr(e, "Id")!, Attr(e, "Execute") ?? "immediate", Attr(e, "Impersonate") != "no", Attr(e, "HideTarget") == "yes",
            Attr(e, "Return") ?? "check", Attr(e, "BinaryRef"), Attr(e, "DllEntry"), Attr(e, "Directory"), Attr(e, "ExeCommand"))).ToList();
        this.SetProperties = root.Descendants(Ns + "SetProperty").Where(e => (Attr(e, "Sequence") ?? "both") is "execute" or "both")
            .Select(e =>
            {
                var id = Attr(e, "Id")!;
                var action = Attr(e, "Action") ?? "Set" + id;
                return new WxsSetProperty(id, action, Attr(e, "Value") ?? "", new WxsSchedule(action, Attr(e, "Before"), Attr(e, "After"), Attr(e, "Condition")));
            }).ToList();
        this.Scheduled = root.Descendants(Ns + "InstallExecuteSequence").Elements(Ns + "Custom")
            .Select(e => new WxsSchedule(Attr(e, "Action")!, Attr(e, "Before"), Attr(e, "After"), Attr(e, "Condition"))).ToList();
        this.Properties = root.Descendants(Ns + "Property")
            .Select(e => new WxsProperty(Attr(e, "Id")!, Attr(e, "Value"), Attr(e, "Secure") == "yes")).ToList();
        this.MajorUpgradeSchedule = root.Descendants(Ns + "MajorUpgrade").Select(e => Attr(e, "Schedule") ?? "afterInstallValidate").FirstOrDefault();
        this.PermanentComponents = root.Descendants(Ns + "Component").Where(e => Attr(e, "Permanent") == "yes").Select(e => Attr(e, "Id")!).ToList();
        this.FileDefaultVersions = root.Descendants(Ns + "File").Where(e => Attr(e, "DefaultVersion") is not null)
            .ToDictionary(e => Attr(e, "Id")!, e => (Attr(e, "DefaultVersion")!, Attr(e, "DefaultLanguage") ?? "0"));
        this.DirectoryRefs = root.Descendants(Ns + "DirectoryRef").Select(e => Attr(e, "Id")!).ToList();
    }

    public string Path { get; }
    public XDocument Document { get; }
    public IReadOnlyList<WxsCustomAction> CustomActions { get; }
    public IReadOnlyList<WxsSetProperty> SetProperties { get; }
    /// <summary>The Custom elements of InstallExecuteSequence.</summary>
    public IReadOnlyList<WxsSchedule> Scheduled { get; }
    public IReadOnlyList<WxsProperty> Properties { get; }
    public string? MajorUpgradeSchedule { get; }
    public IReadOnlyList<string> PermanentComponents { get; }
    public IReadOnlyDictionary<string, (string Version, string Language)> FileDefaultVersions { get; }
    public IReadOnlyList<string> DirectoryRefs { get; }

    /// <summary>Every sequenced action: SetProperty actions and Custom elements, in document order of each kind.</summary>
    public IEnumerable<WxsSchedule> AllScheduled => this.SetProperties.Select(s => s.Schedule).Concat(this.Scheduled);

    public static WxsSource Load(string path) =>
        new(path, XDocument.Load(path, LoadOptions.SetLineInfo));

    private static string? Attr(XElement e, string name) => (string?)e.Attribute(name);
}
