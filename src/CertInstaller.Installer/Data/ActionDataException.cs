namespace CertInstaller.Installer.Data;

/// <summary>ActionData text that cannot be used; the message lists every problem with its code and the property to fix.</summary>
public sealed class ActionDataException(IReadOnlyList<ActionDataProblem> items)
    : Exception("ActionData is not valid: " + string.Join("; ", items))
{
    /// <summary>Every problem, in the order found.</summary>
    public IReadOnlyList<ActionDataProblem> Items { get; } = items;

    /// <summary>Each problem as printed, code first ("CI11004 CertDir is empty: ..."); values are quoted escaped and shortened, never raw.</summary>
    public IReadOnlyList<string> Problems => Items.Select(i => i.ToString()).ToList();

    /// <summary>The code of each problem, in the order of <see cref="Items"/> (what tests and hosts match on).</summary>
    public IReadOnlyList<ActionDataProblemCode> Codes => Items.Select(i => i.Code).ToList();

    /// <summary>The ActionData key of each problem, in the order of <see cref="Items"/>.</summary>
    public IReadOnlyList<string> Keys => Items.Select(i => i.Key).ToList();
}
