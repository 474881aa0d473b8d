namespace CertInstaller.Core.Validation;

/// <summary>The result of validating a folder: every finding, and the verdict under the policy.</summary>
/// <param name="Folder">The folder validated.</param>
/// <param name="Findings">Findings, worst first, then by path.</param>
/// <param name="FailAt">The policy's failure threshold.</param>
public sealed record ValidationReport(string Folder, IReadOnlyList<Finding> Findings, Severity FailAt)
{
    /// <summary>True when no finding reaches the failure threshold.</summary>
    public bool Valid => Findings.All(f => f.Severity < FailAt);
}
