namespace CertInstaller.Installer.Data;

/// <summary>
/// One key of the <see cref="ActionData"/> contract, with everything the rest of the installer side derives from it:
/// the serializer's key and parser, the fragment's property and its default, the wrapper's option, whether the value is
/// remembered, and the hint that names what to set. One row of <see cref="ActionDataSchema.Fields"/>.
/// </summary>
/// <param name="Key">The ActionData key, e.g. <c>CertDir</c>.</param>
/// <param name="Property">The installer property the fragment passes as the value, e.g. <c>CERTINSTALLER_CERTDIR</c>; a
/// built-in one (<c>ProductCode</c>, <c>CertInstallerMode</c>) for keys the administrator does not set.</param>
/// <param name="Option">The <c>certinstaller-action run</c> option, e.g. <c>--certdir</c>; null when the wrapper sets the key itself.</param>
/// <param name="Default">The default as the README's run-option table shows it; empty when there is none.</param>
/// <param name="MsiDefault">The value of the fragment's <c>CertInstaller_Default*</c> SetProperty; null when the fragment sets no default.</param>
/// <param name="Remembered">Whether the fragment remembers a given value in the registry for later runs (every public property).</param>
/// <param name="Hint">What the value is, as a fix names it: "set CERTINSTALLER_X (...) to <i>hint</i>".</param>
public sealed record ActionDataField(string Key, string Property, string? Option, string Default, string? MsiDefault, bool Remembered, string Hint)
{
    /// <summary>Whether an administrator sets the key through a public <c>CERTINSTALLER_*</c> property.</summary>
    public bool Public => Property.StartsWith("CERTINSTALLER_", StringComparison.Ordinal);

    /// <summary>Whether the wrapper option may be given more than once (its values are joined with <see cref="ActionDataSerializer.PatternSeparator"/>).</summary>
    public bool Repeatable { get; init; }

    /// <summary>The key's pair in the fragment's ActionData SetProperty values: <c>Key=[Property]</c>.</summary>
    public string FragmentPair => $"{Key}=[{Property}]";

    /// <summary>What a problem with the value tells the administrator to fix: the public property, or for a key the
    /// fragment sets itself, the SetProperty value that writes it.</summary>
    public string FixName => Public ? Property : $"the SetProperty value that writes {Key}";

    /// <summary>The fix with every name the value goes by and what it must be: "set CERTINSTALLER_CERTDIR (ActionData
    /// CertDir, certinstaller-action --certdir) to the certificates folder itself" (the installer hints).</summary>
    public string SetHint => $"set {Property} (ActionData {Key}{(Option is null ? "" : ", certinstaller-action " + Option)}) to {Hint}";

    /// <summary>Writes the key's value of <paramref name="data"/> as ActionData text.</summary>
    internal Func<ActionData, string> Write { get; init; } = _ => "";

    /// <summary>Reads the (unquoted, trimmed) text into <paramref name="data"/>; an empty text keeps the default; a bad one adds a problem.</summary>
    internal Func<ActionData, string, ActionDataProblems, ActionData> Read { get; init; } = (data, _, _) => data;
}
