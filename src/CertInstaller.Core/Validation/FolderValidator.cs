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
    /// <param name="context">The folder, policy and options.</param>
    /// <param name="progress">When given, every file is read first (into <see cref="ValidationContext.Files"/>, which the
    /// rules read from) and each one reported: reading is where a large folder's time goes.</param>
    public ValidationReport Validate(ValidationContext context, IProgress<IO.WorkProgress>? progress = null)
    {
        if (progress is not null)
        {
            var entries = context.Layout.Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                context.Files.Read(entries[i].RelativePath);
                progress.Report(new IO.WorkProgress(i + 1, entries.Count, IO.WorkProgress.FolderOf(entries[i].RelativePath)));
            }
        }

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
