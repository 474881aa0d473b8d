namespace CertInstaller.Core.Validation;

/// <summary>What a rule observed, before the policy gives it a severity.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Path">The file (relative to the folder, '/'-separated) or "" for the folder.</param>
/// <param name="Message">One sentence: the problem and the fix.</param>
public sealed record Observation(FindingCode Code, string Path, string Message);

/// <summary>A judged observation: code, severity, file and message.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Severity">Severity under the policy in force.</param>
/// <param name="Path">The file (relative to the folder, '/'-separated) or "" for the folder.</param>
/// <param name="Message">One sentence: the problem and the fix.</param>
public sealed record Finding(FindingCode Code, Severity Severity, string Path, string Message)
{
    /// <summary>The code as printed: CI + number.</summary>
    public string CodeText => Codes.CodeRegistry.Of(Code).Text;
}
