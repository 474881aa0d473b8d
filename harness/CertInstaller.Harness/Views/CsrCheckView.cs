namespace CertInstaller.Harness.Views;

/// <summary>The csr verb's result: the CSR, whether it passes the policy, and the findings.</summary>
public sealed record CsrCheckView(string File, bool Ok, ObjectView Csr, IReadOnlyList<ProblemView> Findings);
