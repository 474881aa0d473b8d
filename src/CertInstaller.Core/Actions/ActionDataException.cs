namespace CertInstaller.Core.Actions;

/// <summary>ActionData text that cannot be used; the message lists every problem and the property to fix.</summary>
public sealed class ActionDataException(IReadOnlyList<string> problems)
    : Exception("ActionData is not valid: " + string.Join("; ", problems))
{
    /// <summary>Each problem, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
