using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Core.Pki.Requests;
using CertInstaller.Core.Validation;

namespace CertInstaller.Core.Codes;

/// <summary>
/// The one registry of every code the product reports. Each area has its own enum, and every enum value is the number
/// printed after "CI" (<c>(int)BackupErrorCode.LockHeld == 10004</c>, printed CI10004): no offsets, so the number in a
/// log, a doc or the source is the same number (CodeRegistryTests holds each value inside its area's range, so no two
/// codes print alike; before this registry, CI3001 meant both ChainNotTrusted and SourceNotAFolder).
/// </summary>
public static class CodeRegistry
{
    /// <summary>A folder finding; its default severity is the installer policy's.</summary>
    public static CodeInfo Of(FindingCode code) =>
        new((int)code, code.ToString(), AreaOfFinding((int)code), ValidationPolicy.Installer.SeverityOf(code) ?? Severity.Info);

    /// <summary>A read error of one file.</summary>
    public static CodeInfo Of(ReadErrorCode code) => new((int)code, code.ToString(), CodeArea.Read, Severity.Error);

    /// <summary>A path-validation problem; its severity under the default profile (rfc5280).</summary>
    public static CodeInfo Of(ChainProblemCode code) => new((int)code, code.ToString(), CodeArea.Chains,
        ChainWarnings.IsWarning(code, ChainProfile.Rfc5280) ? Severity.Warning : Severity.Error);

    /// <summary>A CSR or import-check finding.</summary>
    public static CodeInfo Of(CsrFindingCode code) => new((int)code, code.ToString(), CodeArea.Csr, CsrDefault(code));

    /// <summary>A backup error.</summary>
    public static CodeInfo Of(BackupErrorCode code) => new((int)code, code.ToString(), CodeArea.Backup, Severity.Error);

    /// <summary>A snapshot verification issue.</summary>
    public static CodeInfo Of(VerificationIssueCode code) => new((int)code, code.ToString(), CodeArea.SnapshotVerification, Severity.Error);

    /// <summary>An ActionData problem.</summary>
    public static CodeInfo Of(ActionDataProblemCode code) => new((int)code, code.ToString(), CodeArea.ActionData, Severity.Error);

    /// <summary>A refused output file (action log, summary, report).</summary>
    public static CodeInfo Of(OutputFileCode code) => new((int)code, code.ToString(), CodeArea.OutputFiles, Severity.Error);

    /// <summary>A difference a restore found between the LocalMachine stores and its snapshot's record: its value is its
    /// printed number. The restore itself succeeded, so a drift is a warning (not recorded: info).</summary>
    public static CodeInfo Of(StoreDriftCode code) => new((int)code, code.ToString(), CodeArea.Store,
        code == StoreDriftCode.StoreNotRecorded ? Severity.Info : Severity.Warning);

    /// <summary>A policy file that cannot be used.</summary>
    public static CodeInfo Of(PolicyErrorCode code) => new((int)code, code.ToString(), CodeArea.Policy, Severity.Error);

    /// <summary>Input a host refuses.</summary>
    public static CodeInfo Of(InputErrorCode code) => new((int)code, code.ToString(), CodeArea.Input, Severity.Error);

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
            .Concat(Values<StoreDriftCode>().Select(Of))
            .Concat(Values<PolicyErrorCode>().Select(Of))
            .Concat(Values<InputErrorCode>().Select(Of))
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
        CodeArea.Store => (13001, 13099),
        CodeArea.Policy => (14001, 14049),
        CodeArea.Input => (14050, 14099),
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
        13 => CodeArea.Store,
        _ => CodeArea.Consistency,
    };

    private static IEnumerable<T> Values<T>() where T : struct, Enum => Enum.GetValues(typeof(T)).Cast<T>();
}
