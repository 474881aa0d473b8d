using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Codes;

/// <summary>
/// The one registry of every code the product reports. Each area's enum keeps its own values (never renumbered);
/// the registry places each enum in its own printed range, so no two codes print alike (before this registry,
/// CI3001 meant both ChainNotTrusted and SourceNotAFolder).
/// </summary>
public static class CodeRegistry
{
    /// <summary>A folder finding: its value is already its printed number.</summary>
    public static CodeInfo Of(FindingCode code) =>
        new((int)code, code.ToString(), AreaOfFinding((int)code), ValidationPolicy.Installer.SeverityOf(code) ?? Severity.Info);

    /// <summary>A read error of one file: printed as 1100 + value.</summary>
    public static CodeInfo Of(ReadErrorCode code) => new(1100 + (int)code, code.ToString(), CodeArea.Read, Severity.Error);

    /// <summary>A path-validation problem: printed as 3100 + value; its severity under the default profile (rfc5280).</summary>
    public static CodeInfo Of(ChainProblemCode code) => new(3100 + (int)code, code.ToString(), CodeArea.Chains,
        ChainWarnings.IsWarning(code, ChainProfile.Rfc5280) ? Severity.Warning : Severity.Error);

    /// <summary>A CSR or import-check finding: printed as 8100 + value.</summary>
    public static CodeInfo Of(CsrFindingCode code) => new(8100 + (int)code, code.ToString(), CodeArea.Csr, CsrDefault(code));

    /// <summary>A backup error (values 3001…): printed as 10000 + (value − 3000).</summary>
    public static CodeInfo Of(BackupErrorCode code) => new(7000 + (int)code, code.ToString(), CodeArea.Backup, Severity.Error);

    /// <summary>A snapshot verification issue (values 3101…): printed as 10000 + (value − 3000).</summary>
    public static CodeInfo Of(VerificationIssueCode code) => new(7000 + (int)code, code.ToString(), CodeArea.SnapshotVerification, Severity.Error);

    /// <summary>An ActionData problem: printed as 11000 + value.</summary>
    public static CodeInfo Of(ActionDataProblemCode code) => new(11000 + (int)code, code.ToString(), CodeArea.ActionData, Severity.Error);

    /// <summary>A refused output file (action log, summary, report): printed as 12000 + value.</summary>
    public static CodeInfo Of(OutputFileCode code) => new(12000 + (int)code, code.ToString(), CodeArea.OutputFiles, Severity.Error);

    /// <summary>Every code of the product, ordered by number.</summary>
    public static IReadOnlyList<CodeInfo> All() =>
        Values<FindingCode>().Select(Of)
            .Concat(Values<ReadErrorCode>().Select(Of))
            .Concat(Values<ChainProblemCode>().Select(Of))
            .Concat(Values<CsrFindingCode>().Select(Of))
            .Concat(Values<BackupErrorCode>().Select(Of))
            .Concat(Values<VerificationIssueCode>().Select(Of))
            .Concat(Values<ActionDataProblemCode>().Select(Of))
            .Concat(Values<OutputFileCode>().Select(Of))
            .OrderBy(c => c.Number)
            .ToList();

    /// <summary>The range that belongs to <paramref name="area"/>, inclusive.</summary>
    public static (int First, int Last) RangeOf(CodeArea area) => area switch
    {
        CodeArea.Folder => (1001, 1099),
        CodeArea.Read => (1101, 1199),
        CodeArea.Keys => (2001, 2999),
        CodeArea.Certificates => (3001, 3099),
        CodeArea.Chains => (3101, 3199),
        CodeArea.Switchover => (4001, 4999),
        CodeArea.Baseline => (5001, 5999),
        CodeArea.Permissions => (6001, 6999),
        CodeArea.Leftovers => (7001, 7999),
        CodeArea.CsrWorkArea => (8001, 8099),
        CodeArea.Csr => (8101, 8199),
        CodeArea.Consistency => (9001, 9999),
        CodeArea.Backup => (10001, 10099),
        CodeArea.SnapshotVerification => (10101, 10199),
        CodeArea.ActionData => (11001, 11099),
        CodeArea.OutputFiles => (12001, 12099),
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    // The CSR checks report these as warnings unless a policy raises them (CsrPolicy.NoSan, ImportChecker).
    private static Severity CsrDefault(CsrFindingCode code) => code switch
    {
        CsrFindingCode.NoSan or CsrFindingCode.ChainNotChecked or CsrFindingCode.KeyUsageNotTls => Severity.Warning,
        _ => Severity.Error,
    };

    private static CodeArea AreaOfFinding(int value) => (value / 1000) switch
    {
        1 => CodeArea.Folder,
        2 => CodeArea.Keys,
        3 => CodeArea.Certificates,
        4 => CodeArea.Switchover,
        5 => CodeArea.Baseline,
        6 => CodeArea.Permissions,
        7 => CodeArea.Leftovers,
        8 => CodeArea.CsrWorkArea,
        _ => CodeArea.Consistency,
    };

    private static IEnumerable<T> Values<T>() where T : struct, Enum => Enum.GetValues(typeof(T)).Cast<T>();
}
