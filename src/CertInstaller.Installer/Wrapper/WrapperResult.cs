using System.Text.Json;
using CertInstaller.Core.Preservation;
using CertInstaller.Core.Validation;

namespace CertInstaller.Installer.Wrapper;

/// <summary>How a wrapped run ended.</summary>
public enum WrapperOutcome
{
    /// <summary>The installer succeeded (0, 3010, 1641); third-party files are back, validation passed or only warned, retention ran.</summary>
    Succeeded,
    /// <summary>The installer failed (or could not start); the folder was restored exactly from the snapshot.</summary>
    InstallerFailed,
    /// <summary>The installer succeeded but CertInstaller failed the run (validation under enforce, or Preserve failed); the folder was restored exactly.</summary>
    Rejected,
    /// <summary>Nothing was run: no snapshot could be taken, or an interrupted run could not be finished.</summary>
    NotStarted,
    /// <summary>Nothing was run: another CertInstaller run holds the folder (exit 1618).</summary>
    Refused,
    /// <summary>The folder had to be restored and the restore failed; the snapshot and the marker stay, the next run restores again.</summary>
    RestoreFailed,
}

/// <summary>What a wrapped run did; <see cref="ToJson"/> is the <c>--json</c> summary.</summary>
/// <param name="RunId">The run's id (also in its log blocks and lock).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ExitCode">The wrapper's exit code: the installer's own, or 1603/1618 when CertInstaller decided.</param>
/// <param name="Lines">Every log line, in order.</param>
public sealed record WrapperResult(string RunId, WrapperOutcome Outcome, int ExitCode, IReadOnlyList<LogLine> Lines)
{
    /// <summary>The process status the wrapper exits with: <see cref="ExitCode"/> through the platform's <see cref="ExitStatusMap"/> (1603 → 67 on Linux).</summary>
    public int ExitStatus { get; init; }

    /// <summary>The installer's exit code as the wrapper read it (on Linux status 194 is 3010); null when it did not run.</summary>
    public int? InstallerExitCode { get; init; }

    /// <summary>The installer's process exit status as the system reported it; null when it did not run.</summary>
    public int? InstallerExitStatus { get; init; }

    /// <summary>Whether the installer succeeded, so the product stays installed even when the folder was restored; null when it did not run.</summary>
    public bool? ProductInstalled { get; init; }

    /// <summary>Whether the certificates folder existed when the run started (false: a first install, nothing to protect).</summary>
    public bool CertDirExisted { get; init; } = true;

    /// <summary>What the administrator should do next; null when nothing is needed or the closing line already names the fix.</summary>
    public string? Next { get; init; }

    /// <summary>The pre-install snapshot; null when none was taken.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>Whether the folder was restored exactly from the snapshot.</summary>
    public bool Restored { get; init; }

    /// <summary>Whether CertInstaller custom actions inside the installer ran into this run's lock (the installer includes the fragment).</summary>
    public bool NestedActions { get; init; }

    /// <summary>Whether an interrupted earlier run was found and finished (its snapshot restored) before this run started.</summary>
    public bool FinishedInterruptedRun { get; init; }

    /// <summary>What Preserve decided and put back; null when it did not run.</summary>
    public PreservationResult? Preservation { get; init; }

    /// <summary>The validation report; null when validation did not run (off, or the installer failed).</summary>
    public ValidationReport? Validation { get; init; }

    /// <summary>The wrapped command (secrets hidden).</summary>
    public string Command { get; init; } = "";

    /// <summary>The certificates folder.</summary>
    public string CertDir { get; init; } = "";

    /// <summary>The backup root.</summary>
    public string BackupDir { get; init; } = "";

    /// <summary>The log file the run appended to.</summary>
    public string LogPath { get; init; } = "";

    /// <summary>The validation policy name (enforce, warn, off).</summary>
    public string ValidationMode { get; init; } = "";

    /// <summary>The <c>--json</c> summary (shape documented in README.md, "Deploying with SCCM / Intune / Ansible").</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new WrapperSummary(
            RunId,
            Command,
            CertDir,
            BackupDir,
            WrapperSummary.Name(Outcome),
            ExitCode,
            ExitStatus,
            InstallerExitCode,
            InstallerExitStatus,
            ProductInstalled,
            CertDirExisted,
            Next,
            SnapshotId,
            Restored,
            NestedActions,
            FinishedInterruptedRun,
            Preservation?.Items
                .Where(i => i.Decision is PreservationDecision.PutBackRegenerated or PreservationDecision.PutBackMissing)
                .Select(i => i.RelativePath).ToList() ?? [],
            Preservation?.Items.Select(i => new WrapperSummaryPreservation(i.RelativePath, WrapperSummary.Name(i.Decision), i.Reason)).ToList(),
            Validation is null
                ? null
                : new WrapperSummaryValidation(
                    Validation.Valid,
                    ValidationMode,
                    Validation.Findings.Select(f => new WrapperSummaryFinding(f.CodeText, f.Severity.ToString().ToLowerInvariant(), f.Path, f.Message)).ToList()),
            LogPath,
            Lines.Select(l => new WrapperSummaryLine(WrapperSummary.Name(l.Level), l.Text)).ToList()),
        WrapperSummaryJsonContext.Default.WrapperSummary);
}
