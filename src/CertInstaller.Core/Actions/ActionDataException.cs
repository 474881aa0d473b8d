namespace CertInstaller.Core.Actions;

/// <summary>ActionData text that cannot be used; the message lists every problem and the property to fix.</summary>
public sealed class ActionDataException(IReadOnlyList<string> problems, IReadOnlyList<string> keys)
    : Exception("ActionData is not valid: " + string.Join("; ", problems))
{
    /// <summary>An error with <paramref name="problems"/> and no key recorded.</summary>
    public ActionDataException(IReadOnlyList<string> problems) : this(problems, []) { }

    /// <summary>Each problem, one sentence each; values are quoted escaped and shortened, never raw.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>The ActionData key of each problem, in the order of <see cref="Problems"/> (what tests and hosts match on).</summary>
    public IReadOnlyList<string> Keys { get; } = keys;
}
