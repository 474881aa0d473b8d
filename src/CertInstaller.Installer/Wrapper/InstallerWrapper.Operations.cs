using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Wrapper;

// The operations (Backup, Preserve, Validate, Commit) and the rollback step: restore the exact snapshot, or keep the state to finish later.
public sealed partial class InstallerWrapper
{
    private sealed partial class Session
    {
        private ActionOutcome Step(ActionOperation operation)
        {
            Flush();
            var outcome = _runner.Run(operation, _data);
            foreach (var line in outcome.Lines)
            {
                _lines.Add(line);
                _output(line);
            }

            TryLog(ActionLogFile.Header(_w._clock.UtcNow, operation.ToString(), outcome.Succeeded ? "succeeded" : "failed"),
                new[] { "ActionData: " + ActionDataSerializer.Serialize(_data) }.Concat(outcome.Lines.Select(l => l.ToString())));
            return outcome;
        }

        private WrapperResult RestoreAndFinish(WrapperOutcome outcome, int exitCode)
        {
            var snapshotId = _state?.SnapshotId ?? TransactionMarker.Read(_store.Root, _data.ProductCode)?.SnapshotId;
            if (Step(ActionOperation.RestoreOnRollback).Succeeded)
            {
                _restored = snapshotId is not null;
                _w._checkpoint(WrapperStep.Restored);
                ClearState();
                return Finish(outcome, exitCode);
            }

            Say(LogLevel.Error, "the folder could not be restored completely (every file is either as the installer left it or as it was before); " +
                FinishHint(_data, snapshotId));
            KeepState(WrapperPhase.RestoreFailed, snapshotId);
            return Finish(WrapperOutcome.RestoreFailed, InstallerExitCodes.IsSuccess(exitCode) ? InstallerExitCodes.Failure : exitCode);
        }
    }
}
