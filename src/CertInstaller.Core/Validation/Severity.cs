namespace CertInstaller.Core.Validation;

/// <summary>How bad a finding is; decided by the policy, not by the rule that found it. The product's one severity scale
/// (folder findings, CSR and import checks, every code's default in the registry); where a policy can turn a finding off,
/// it holds a <c>Severity?</c> and null means off.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails anything.</summary>
    Info = 0,
    /// <summary>Should be fixed; fails only a strict policy.</summary>
    Warning = 1,
    /// <summary>Breaks IC; fails validation.</summary>
    Error = 2,
}
