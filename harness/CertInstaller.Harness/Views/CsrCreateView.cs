namespace CertInstaller.Harness.Views;

/// <summary>csr create: what was written (nothing when a finding is an error), the request, the findings and warnings.</summary>
public sealed record CsrCreateView(
    bool Written,
    string Csr,
    string Key,
    bool KeyReused,
    string KeyType,
    string? KeyPermissions,
    ObjectView Request,
    IReadOnlyList<ProblemView> Findings,
    IReadOnlyList<ProblemView> Warnings);

/// <summary>csr lint-config: what the OpenSSL.cnf requests and the guide's pitfalls found in it.</summary>
public sealed record LintConfigView(
    string File,
    bool Ok,
    string Subject,
    IReadOnlyList<AttributeView> SubjectAttributes,
    IReadOnlyList<SanView> Sans,
    string? DefaultMd,
    int? DefaultBits,
    IReadOnlyList<ProblemView> Findings);
