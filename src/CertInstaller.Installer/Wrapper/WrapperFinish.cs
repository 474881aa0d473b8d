using CertInstaller.Core.Backup;
using CertInstaller.Core.IO;
using CertInstaller.Core.Text;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// The end of a wrapped run: the closing line (what happened, the exit code, what to do next), the last log block, the
/// <see cref="WrapperResult"/> and its <c>--json</c> summary, written owner-only through the file-system port.
/// </summary>
internal sealed class WrapperFinish(InstallerWrapper wrapper, SnapshotStore store, WrapperLog log, WrapperFolderLock locks)
{
    /// <summary>Ends <paramref name="run"/> with <paramref name="outcome"/> and <paramref name="exitCode"/>.</summary>
    public WrapperResult Finish(WrapperRun run, WrapperOutcome outcome, int exitCode)
    {
        locks.ReleaseFolder(); // after the last put-back (or restore); the log and the summary below need no lock
        var snapshotId = run.State?.SnapshotId ?? TransactionMarker.Read(store.Root, run.Data.ProductCode)?.SnapshotId;
        var next = Next(run, outcome, snapshotId);
        log.Say(outcome == WrapperOutcome.Succeeded ? LogLevel.Info : LogLevel.Error,
            $"run {run.Id} finished: {Describe(run, outcome)}; exit code {wrapper.ExitStatuses.Describe(exitCode)}" +
            (run.InstallerExit is { } code ? $"; the installer's was {code}{(run.InstallerStatus is { } s && s != code ? $" (process status {s})" : "")}" : "") +
            (next is null ? "" : ". Next: " + next));
        log.Flush(run, outcome == WrapperOutcome.Succeeded ? "succeeded" : "failed");
        if (!run.StateKept)
        {
            wrapper.SetInterruptedMessage("the run had finished: " + Describe(run, outcome));
        }

        var result = new WrapperResult(run.Id, outcome, exitCode, log.Lines.ToList())
        {
            ExitStatus = wrapper.ExitStatuses.StatusOf(exitCode),
            InstallerExitCode = run.InstallerExit,
            InstallerExitStatus = run.InstallerStatus,
            ProductInstalled = run.InstallerExit is { } installed ? InstallerExitCodes.IsSuccess(installed) : null,
            CertDirExisted = run.CertDirExisted,
            Next = next,
            SnapshotId = snapshotId,
            Restored = run.Restored,
            NestedActions = run.Nested,
            FinishedInterruptedRun = run.FinishedInterrupted,
            Preservation = run.Preservation,
            Validation = run.Validation,
            Command = run.Command.Display,
            CertDir = run.Data.CertDir,
            BackupDir = store.Root,
            LogPath = log.File.Path,
            ValidationMode = run.Data.Validation.ToString().ToLowerInvariant(),
        };
        if (run.JsonPath is not null)
        {
            try
            {
                // Owner-only and never through a link: the summary may be asked for in a folder another account can write.
                var full = Path.GetFullPath(run.JsonPath);
                wrapper.FileSystem.CreateDirectory(Path.GetDirectoryName(full)!, privateAccess: false);
                PrivateOutputFile.Write(wrapper.FileSystem, full, result.ToJson());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Printed and in the result, but the log's last block is already written.
                var ioCode = e is IOException or UnauthorizedAccessException ? WrapperLog.IoCode(e) : CodeRegistry.Of(InputErrorCode.OutputRefused);
                var line = new LogLine(LogLevel.Warning, $"{(e is OutputFileRefusedException ? "" : ioCode.Text + " ")}cannot write the JSON summary {run.JsonPath}: {Printable.Escape(e.Message)}", ioCode);
                log.Show(line);
                result = result with { Lines = log.Lines.ToList() };
            }
        }

        return result;
    }

    private static string Describe(WrapperRun run, WrapperOutcome outcome) => outcome switch
    {
        WrapperOutcome.Succeeded when !run.CertDirExisted => $"the installer succeeded; {run.Data.CertDir} did not exist before the run, so there was nothing to protect",
        WrapperOutcome.Succeeded => "the installer succeeded and the certificates folder was preserved",
        WrapperOutcome.InstallerFailed when !run.CertDirExisted => $"the installer failed; {run.Data.CertDir} did not exist before the run, so there was nothing to protect",
        WrapperOutcome.InstallerFailed => "the installer failed; the certificates folder was restored as it was before",
        // The installer's own success stands: only the folder went back, so the product runs with its old certificates.
        WrapperOutcome.Rejected => "the installer succeeded, so the product stays installed, but CertInstaller failed the run and restored the " +
            "certificates folder as it was before the install: the product now runs with its old certificates folder",
        WrapperOutcome.NotStarted => "the installer was not started",
        WrapperOutcome.Refused => "the installer was not started: another CertInstaller run holds the folder",
        _ when run.InstallerExit is { } code && InstallerExitCodes.IsSuccess(code) =>
            "the installer succeeded, so the product stays installed, but its certificates folder could not be restored completely; the snapshot and the marker stay",
        _ => "the folder could not be restored completely; the snapshot and the marker stay",
    };

    /// <summary>What the administrator does next, where the closing line is not already the fix; null when nothing is needed.</summary>
    private string? Next(WrapperRun run, WrapperOutcome outcome, string? snapshotId) => outcome switch
    {
        WrapperOutcome.Rejected =>
            "check that the product works with its old certificates; fix what the lines above name (the files the installer wrote are kept in the " +
            $"'displaced' area of snapshot {snapshotId} in {store.Root}), then run the same command again under 'certinstaller-action run' " +
            "(a repair or reinstall regenerates the folder; third-party certificates are put back and validated again)" +
            (run.Validation is { Valid: false } ? ". To keep the new folder despite the findings, run it again with --validation warn" : ""),
        WrapperOutcome.InstallerFailed =>
            "the product is as the installer's own rollback left it; fix what the installer's log names, then run the same command again under " +
            "'certinstaller-action run'",
        _ => null,
    };
}
