namespace CertInstaller.Harness.Views;

/// <summary>The chain verb's result: valid, the path of subjects (leaf first), the anchor and the problems.</summary>
public sealed record ChainView(bool Valid, IReadOnlyList<string> Path, string? Anchor, IReadOnlyList<ProblemView> Problems)
{
    /// <summary>The leaf file.</summary>
    public string? Leaf { get; init; }
}

/// <summary>A problem with its stable code name, message and the subject concerned.</summary>
public sealed record ProblemView(string Code, string Message, string? Subject);
