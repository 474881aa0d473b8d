namespace CertInstaller.Harness.Views;

/// <summary>The csr verb's result: the CSR, whether it passes the policy, the findings (errors) and the warnings.</summary>
public sealed record CsrCheckView(string File, bool Ok, ObjectView Csr, IReadOnlyList<ProblemView> Findings)
{
    /// <summary>Findings that do not fail the check (e.g. NoSan by default).</summary>
    public IReadOnlyList<ProblemView> Warnings { get; init; } = [];
}
