namespace CertInstaller.Core.Codes;

/// <summary>
/// A host's fix hints keyed by registry code. Core states the code, the facts and a host-neutral fix; each host (the
/// installer actions, certharness) fills one table with what its own user types or sets, and appends it when it prints.
/// </summary>
public sealed class HintTable
{
    private readonly Dictionary<int, string> _byNumber;
    private readonly string _label;

    /// <summary>A table of <paramref name="hints"/>; <paramref name="label"/> (may be empty) prefixes each appended hint.</summary>
    public HintTable(string label, IEnumerable<KeyValuePair<CodeInfo, string>> hints)
    {
        _label = label;
        _byNumber = hints.ToDictionary(h => h.Key.Number, h => h.Value);
    }

    /// <summary>The hint for <paramref name="code"/>, or null when Core's own fix is all there is to say.</summary>
    public string? For(CodeInfo code) => _byNumber.TryGetValue(code.Number, out var hint) ? hint : null;

    /// <summary><paramref name="text"/> followed by the hint for <paramref name="code"/> in brackets, when there is one.</summary>
    public string Append(string text, CodeInfo code) => For(code) is { } hint ? $"{text} ({_label}{hint})" : text;
}
