using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Core.Validation;

/// <summary>
/// What validation will say about a folder after Preserve put third-party files back: an IC CA the current Server Group
/// did not issue (CI9001) and certificates that chain to a displaced root (CI9002). Preserve reports them (the Preserve
/// action in its log, <c>certharness preserve</c> in its output) so nobody learns of them only from a failed Validate.
/// </summary>
public static class OrphanCheck
{
    /// <summary>The CI9001/CI9002 findings of <paramref name="certDir"/> at <paramref name="at"/>; empty when the check
    /// itself fails (it is a hint: Validate judges the folder).</summary>
    public static IReadOnlyList<Finding> Find(string certDir, DateTimeOffset at, RunCache? run = null)
    {
        var cache = run ?? new RunCache();
        try
        {
            var report = new FolderValidator([new ConsistencyRule(), new ChainRule(new Pki.Chains.ChainBuilder(cache.Signatures))]).Validate(new ValidationContext
            {
                Layout = new LayoutScanner().Scan(certDir),
                Policy = ValidationPolicy.Installer,
                At = at,
                Run = cache,
            });
            return report.Findings.Where(f => f.Code is FindingCode.CaNotIssuedByServerGroup or FindingCode.OrphanedByDisplacedRoot).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }
}
