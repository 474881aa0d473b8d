using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Core.Validation;

/// <summary>How a <see cref="FolderValidator"/> runs (one record, so new settings do not change its constructors).</summary>
public sealed record FolderValidatorOptions
{
    /// <summary>The rules, in report order; null for <see cref="FolderValidator.DefaultRules"/> (their chain checks
    /// share <see cref="Run"/>'s signature cache).</summary>
    public IReadOnlyList<IFolderRule>? Rules { get; init; }

    /// <summary>The run this validation is a step of: parsed files and verified signatures are shared with its other
    /// steps (used when the context names no run of its own); null for a validation of its own.</summary>
    public RunCache? Run { get; init; }

    /// <summary>How many files are read and parsed at once (default: one per core; 1 reads them one by one).</summary>
    public int Parallelism { get; init; } = IO.ReadParallelism.Default;

    /// <summary>The file system the built-in rules that open files by path read through (the baseline comparison, the private keys'
    /// permissions); null for the real one. Tests pass a fault-injecting decorator.</summary>
    public IO.IFileSystem? FileSystem { get; init; }
}

/// <summary>Runs every rule over a folder and judges the observations under the policy.</summary>
public sealed class FolderValidator
{
    private readonly IReadOnlyList<IFolderRule> _rules;
    private readonly RunCache? _run;
    private readonly int _parallelism = IO.ReadParallelism.Default;

    /// <summary>A validator with <paramref name="rules"/>.</summary>
    public FolderValidator(IReadOnlyList<IFolderRule> rules) => _rules = rules;

    /// <summary>A validator with every built-in rule.</summary>
    public FolderValidator() : this(DefaultRules()) { }

    /// <summary>A validator as <paramref name="options"/> say.</summary>
    public FolderValidator(FolderValidatorOptions options)
    {
        _run = options.Run;
        _parallelism = options.Parallelism;
        _rules = options.Rules ?? DefaultRules(options.Run?.Signatures, options.FileSystem);
    }

    /// <summary>The built-in rules, in report order; chain checks verify through <paramref name="signatures"/> (a run's
    /// cache) or a cache of their own; files opened by path are read through <paramref name="fileSystem"/> (default the real one).</summary>
    public static IReadOnlyList<IFolderRule> DefaultRules(SignatureCache? signatures = null, IO.IFileSystem? fileSystem = null) =>
    [
        new FolderRule(),
        new MapRule(),
        new CertificateRule(),
        new KeyMatchRule(),
        new ConsistencyRule(),
        new ChainRule(new ChainBuilder(signatures)),
        new UsageRule(),
        new HostRule(),
        new SwitchoverRule(),
        fileSystem is null ? new PrivateKeyPermissionRule() : new PrivateKeyPermissionRule(fileSystem),
        new CsrAreaRule(),
        fileSystem is null ? new BaselineRule() : new BaselineRule(fileSystem),
    ];

    /// <summary>Validates the folder in <paramref name="context"/>.</summary>
    /// <param name="context">The folder, policy and options.</param>
    /// <param name="progress">Reports each file as it is read (every file is read first, into <see cref="ValidationContext.Files"/>,
    /// which the rules read from): reading is where a large folder's time goes.</param>
    public ValidationReport Validate(ValidationContext context, IProgress<IO.WorkProgress>? progress = null)
    {
        if (_run is not null && context.Run is null) context = context with { Run = _run };
        // Read and parse the folder's files on every core first; the rules then find them read. Same results as reading
        // them one by one (the cache is per path; the rules and the report order do not depend on who read first).
        context.Files.Prefetch(context.Layout.Entries
            .Where(e => e.Role is not (CertificateRole.MapFile or CertificateRole.LeftoverBackup))
            .Select(e => e.RelativePath), _parallelism, progress);
        var findings = _rules
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
