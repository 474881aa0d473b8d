using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Core.Validation;

/// <summary>Runs every rule over a folder and judges the observations under the policy.</summary>
public sealed class FolderValidator(IReadOnlyList<IFolderRule> rules)
{
    /// <summary>A validator with every built-in rule.</summary>
    public FolderValidator() : this(DefaultRules()) { }

    /// <summary>The built-in rules, in report order.</summary>
    public static IReadOnlyList<IFolderRule> DefaultRules() =>
    [
        new FolderRule(),
        new MapRule(),
        new CertificateRule(),
        new KeyMatchRule(),
        new ConsistencyRule(),
        new ChainRule(),
        new UsageRule(),
        new HostRule(),
        new SwitchoverRule(),
        new PrivateKeyPermissionRule(),
        new CsrAreaRule(),
        new BaselineRule(),
    ];

    /// <summary>Validates the folder in <paramref name="context"/>.</summary>
    public ValidationReport Validate(ValidationContext context)
    {
        var findings = rules
            .SelectMany(r => RuleGuard.Run("", () => r.Check(context)))
            .Select(context.Policy.Judge)
            .OfType<Finding>()
            .Distinct()
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Code)
            .ToList();
        return new ValidationReport(context.Layout.Root, findings, context.Policy.FailAt);
    }
}
