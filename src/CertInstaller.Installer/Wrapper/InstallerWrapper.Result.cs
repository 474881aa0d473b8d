using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Wrapper;

// The result and the log: the closing line, the WrapperResult with its JSON, and the run blocks of the action log.
public sealed partial class InstallerWrapper
{
    private sealed partial class Session
    {
        private WrapperResult Finish(WrapperOutcome outcome, int exitCode)
        {
            ReleaseFolder(); // after the last put-back (or restore); the log and the summary below need no lock
            var snapshotId = _state?.SnapshotId ?? TransactionMarker.Read(_store.Root, _data.ProductCode)?.SnapshotId;
            var next = Next(outcome, snapshotId);
            Say(outcome == WrapperOutcome.Succeeded ? LogLevel.Info : LogLevel.Error,
                $"run {_runId} finished: {Describe(outcome)}; exit code {_w.ExitStatuses.Describe(exitCode)}" +
                (_installerExit is { } code ? $"; the installer's was {code}{(_installerStatus is { } s && s != code ? $" (process status {s})" : "")}" : "") +
                (next is null ? "" : ". Next: " + next));
            Flush(outcome == WrapperOutcome.Succeeded ? "succeeded" : "failed");
            if (!_stateKept)
            {
                _w._interruptedMessage = "the run had finished: " + Describe(outcome);
            }

            var result = new WrapperResult(_runId, outcome, exitCode, _lines.ToList())
            {
                ExitStatus = _w.ExitStatuses.StatusOf(exitCode),
                InstallerExitCode = _installerExit,
                InstallerExitStatus = _installerStatus,
                ProductInstalled = _installerExit is { } installed ? InstallerExitCodes.IsSuccess(installed) : null,
                CertDirExisted = _certDirExisted,
                Next = next,
                SnapshotId = snapshotId,
                Restored = _restored,
                NestedActions = _nested,
                FinishedInterruptedRun = _finishedInterrupted,
                Preservation = _preservation,
                Validation = _validation,
                Command = _command.Display,
                CertDir = _data.CertDir,
                BackupDir = _store.Root,
                LogPath = _log.Path,
                ValidationMode = _data.Validation.ToString().ToLowerInvariant(),
            };
            if (_jsonPath is not null)
            {
                try
                {
                    // Owner-only and never through a link: the summary may be asked for in a folder another account can write.
                    var full = Path.GetFullPath(_jsonPath);
                    _w._fs.CreateDirectory(Path.GetDirectoryName(full)!, privateAccess: false);
                    PrivateOutputFile.Write(_w._fs, full, result.ToJson());
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    var line = new LogLine(LogLevel.Warning, $"cannot write the JSON summary {_jsonPath}: {CertInstaller.Core.Text.Printable.Escape(e.Message)}");
                    _output(line);
                    result = result with { Lines = _lines.Append(line).ToList() };
                }
            }

            return result;
        }

        private string Describe(WrapperOutcome outcome) => outcome switch
        {
            WrapperOutcome.Succeeded when !_certDirExisted => $"the installer succeeded; {_data.CertDir} did not exist before the run, so there was nothing to protect",
            WrapperOutcome.Succeeded => "the installer succeeded and the certificates folder was preserved",
            WrapperOutcome.InstallerFailed when !_certDirExisted => $"the installer failed; {_data.CertDir} did not exist before the run, so there was nothing to protect",
            WrapperOutcome.InstallerFailed => "the installer failed; the certificates folder was restored as it was before",
            // The installer's own success stands: only the folder went back, so the product runs with its old certificates.
            WrapperOutcome.Rejected => "the installer succeeded, so the product stays installed, but CertInstaller failed the run and restored the " +
                "certificates folder as it was before the install: the product now runs with its old certificates folder",
            WrapperOutcome.NotStarted => "the installer was not started",
            WrapperOutcome.Refused => "the installer was not started: another CertInstaller run holds the folder",
            _ when _installerExit is { } code && InstallerExitCodes.IsSuccess(code) =>
                "the installer succeeded, so the product stays installed, but its certificates folder could not be restored completely; the snapshot and the marker stay",
            _ => "the folder could not be restored completely; the snapshot and the marker stay",
        };

        /// <summary>What the administrator does next, where the closing line is not already the fix; null when nothing is needed.</summary>
        private string? Next(WrapperOutcome outcome, string? snapshotId) => outcome switch
        {
            WrapperOutcome.Rejected =>
                "check that the product works with its old certificates; fix what the lines above name (the files the installer wrote are kept in the " +
                $"'displaced' area of snapshot {snapshotId} in {_store.Root}), then run the same command again under 'certinstaller-action run' " +
                "(a repair or reinstall regenerates the folder; third-party certificates are put back and validated again)" +
                (_validation is { Valid: false } ? ". To keep the new folder despite the findings, run it again with --validation warn" : ""),
            WrapperOutcome.InstallerFailed =>
                "the product is as the installer's own rollback left it; fix what the installer's log names, then run the same command again under " +
                "'certinstaller-action run'",
            _ => null,
        };

        private void Say(LogLevel level, string text)
        {
            var line = new LogLine(level, text);
            _lines.Add(line);
            _pending.Add(line);
            _output(line);
        }

        private void Flush(string? result = null)
        {
            if (_pending.Count == 0 && result is null)
            {
                return;
            }

            var header = ActionLogFile.Header(_w._clock.UtcNow, "run", result is null ? _runId : $"{_runId} {result}");
            var detail = new List<string>();
            if (!_commandLogged || result is not null)
            {
                detail.Add("Command: " + _command.Display); // the first and the last block of a run name it
                _commandLogged = true;
            }

            detail.AddRange(_pending.Select(l => l.ToString()));
            _pending.Clear();
            TryLog(header, detail);
        }

        private void TryLog(string header, IEnumerable<string> lines)
        {
            try
            {
                _log.Append(header, lines);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Stdout has every line; a log file that cannot be written must not fail the run.
                var line = new LogLine(LogLevel.Warning, $"cannot append to {_log.Path}: {e.Message}");
                _lines.Add(line);
                _output(line);
            }
        }
    }
}
