using CertInstaller.Core.Backup;
using CertInstaller.Core.Codes;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Preservation;
using CertInstaller.Core.Validation;
using CertInstaller.Core.Validation.Rules;

namespace CertInstaller.Installer.Operations;

/// <summary>Runs the install-time operations over one <see cref="ActionData"/>; every host (DTF, action host) calls this.</summary>
/// <param name="ports">File system, clock and lock probe of every operation (tests inject faults and a fixed clock here).</param>
/// <param name="run">What the operations of this runner share (parsed files, verified signatures); a new one by default.</param>
public sealed class ActionRunner(BackupPorts ports, RunCache? run = null)
{
    // One per runner: the operations one runner performs (the wrapper's Backup, Preserve, Validate) share parsed files
    // and verified signatures. Both are keyed by content, so a file the install rewrote between steps is parsed anew.
    private readonly RunCache _run = run ?? new();

    /// <summary>A runner on the machine's file system, clock and process table.</summary>
    public ActionRunner() : this(BackupPorts.Machine) { }

    /// <summary>Parses <paramref name="actionData"/> and runs <paramref name="operation"/>; never throws.</summary>
    public ActionOutcome Run(ActionOperation operation, string actionData, out ActionData? data)
    {
        data = null;
        try
        {
            data = ActionDataSerializer.Parse(actionData);
        }
        catch (ActionDataException e)
        {
            return new ActionOutcome(false, e.Items.Select(p => new LogLine(LogLevel.Error, p.ToString(), CertInstaller.Core.Codes.CodeRegistry.Of(p.Code))).ToList());
        }
        return Run(operation, data);
    }

    /// <summary>Runs <paramref name="operation"/>; failures become error lines, never exceptions.</summary>
    public ActionOutcome Run(ActionOperation operation, ActionData data)
    {
        var log = new List<LogLine>();
        var results = new Results();
        try
        {
            var ok = operation switch
            {
                ActionOperation.Backup => Backup(data, log),
                ActionOperation.RestoreOnRollback => RestoreOnRollback(data, log),
                ActionOperation.Preserve => Preserve(data, log, results),
                ActionOperation.Validate => Validate(data, log, results),
                ActionOperation.Commit => Commit(data, log),
                _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
            };
            return new ActionOutcome(ok, log) { Preservation = results.Preservation, Validation = results.Validation };
        }
        catch (BackupException e)
        {
            var code = CertInstaller.Core.Codes.CodeRegistry.Of(e.Code);
            log.Add(new LogLine(LogLevel.Error, InstallerHints.Append(
                $"{operation} failed: {code.Text} {e.Problem} {(e.FilePath is null ? "" : $"({e.FilePath}) ")}Fix: {e.Fix}", code), code));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var code = CodeRegistry.Of(InputErrorCode.FileAccessFailed);
            log.Add(new LogLine(LogLevel.Error, $"{operation} failed: {code.Text} {e.Message} Fix: check access to {data.CertDir} and {data.BackupDir} and free space, then run the installer again.", code));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The one boundary: whatever went wrong becomes an error line for the installer log, never a crash.
            var code = CodeRegistry.Of(InputErrorCode.Unexpected);
            log.Add(new LogLine(LogLevel.Error, $"{operation} failed unexpectedly: {code.Text} ({e.GetType().Name}: {e.Message}). " +
                $"Nothing was deleted; snapshots are in {data.BackupDir}. Fix: send this log to support; 'certharness backup list --from {data.BackupDir}' shows what can be restored.", code));
        }
        return new ActionOutcome(false, log);
    }

    private bool Backup(ActionData data, List<LogLine> log)
    {
        var store = Store(data);
        // A marker left by an installation that died (power loss) must not steer this installation's rollback.
        TransactionMarker.Delete(store.Root, data.ProductCode, ports.FileSystem);
        var reason = $"{data.Mode.ToString().ToLowerInvariant()} {data.ProductCode} {data.ProductVersion}".Trim();
        var snapshot = ClassifiedSnapshot.Create(store, data.CertDir, reason, data.PreservePatterns, _run, minDigest: RecordingMinDigest(data));
        new TransactionMarker(snapshot.Id, data.ProductCode, data.Mode.ToString().ToLowerInvariant()).Write(store.Root, ports.FileSystem);

        var thirdParty = snapshot.Manifest.ThirdPartyFiles.Count();
        log.Add(new LogLine(LogLevel.Info, snapshot.Manifest.SourceExisted
            ? $"snapshot {snapshot.Id} of {data.CertDir}: {snapshot.Manifest.Files.Count} files, {thirdParty} third-party, in {snapshot.Path}"
            : $"snapshot {snapshot.Id}: {data.CertDir} does not exist yet (first install); recorded so a rollback removes what the install creates"));
        foreach (var skipped in snapshot.Manifest.Skipped)
        {
            // A link is what validate reports as CI1005; RestoreLeftover is only read from old manifests, never written.
            var code = skipped.Reason == SkipReason.Link ? CodeRegistry.Of(FindingCode.LinkNotFollowed) : null;
            log.Add(new LogLine(LogLevel.Warning, $"{(code is null ? "" : code.Text + " ")}not copied: {skipped.RelativePath} ({skipped.Reason})", code));
        }

        var layout = new LayoutScanner().Scan(data.CertDir);
        if (layout.Kind is not (FolderKind.Missing or FolderKind.Empty))
        {
            // Retention keeps the newest snapshot whose content validated clean; judge it now, while it is the live folder.
            try
            {
                // Judged from the bytes the snapshot copied (the writer's hashes): content the classification parsed is not read again.
                var copied = snapshot.Manifest.Files.ToDictionary(f => f.RelativePath, f => f.Sha256, StringComparer.Ordinal);
                var report = Validator(data, layout, [], copied);
                store.MarkValidated(snapshot.Id, report.Valid, $"{report.Findings.Count} findings");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The snapshot is complete; retention merely loses a hint.
                // A policy file that cannot be used says so here first (its message starts with its CI14xxx code).
                var code = e is PolicyException p ? CodeRegistry.Of(p.Code) : CodeRegistry.Of(InputErrorCode.Unexpected);
                log.Add(new LogLine(LogLevel.Warning, $"snapshot {snapshot.Id} was not marked as validated ({(e is PolicyException ? "" : code.Text + " ")}{e.Message}); " +
                    "retention keeps it by age only", code));
            }
        }
        return true;
    }

    private bool RestoreOnRollback(ActionData data, List<LogLine> log)
    {
        var store = Store(data);
        if (TransactionMarker.Read(store.Root, data.ProductCode, ports.FileSystem) is not { } marker)
        {
            log.Add(new LogLine(LogLevel.Info, "no snapshot was taken by this installation; the certificates folder was not touched"));
            return true;
        }
        var report = new SnapshotRestorer(store).RestoreExact(marker.SnapshotId, data.CertDir);
        TransactionMarker.Delete(store.Root, data.ProductCode, ports.FileSystem);
        log.Add(new LogLine(LogLevel.Info, $"rolled back {data.CertDir} to snapshot {marker.SnapshotId}: " +
            report.Summary));
        // The store is reported, never re-imported (Backup/README.md): the admin decides what the machine trusts.
        foreach (var drift in report.Store)
        {
            var code = CodeRegistry.Of(drift.Code);
            log.Add(new LogLine(drift.Code == StoreDriftCode.StoreNotRecorded ? LogLevel.Info : LogLevel.Warning,
                InstallerHints.Append($"{code.Text} {drift.StoreName}: {drift.Problem} Fix: {drift.Fix}", code), code));
        }
        return true;
    }

    private bool Preserve(ActionData data, List<LogLine> log, Results results)
    {
        if (!data.Preserve)
        {
            log.Add(new LogLine(LogLevel.Info, $"preservation is off ({ActionDataSchema.Field("Preserve").Property}=0); third-party certificates were not put back"));
            return true;
        }
        var store = Store(data);
        if (TransactionMarker.Read(store.Root, data.ProductCode, ports.FileSystem) is not { } marker)
        {
            var code = CodeRegistry.Of(InputErrorCode.BackupNotRun);
            log.Add(new LogLine(LogLevel.Error, $"{code.Text} no pre-install snapshot for product {data.ProductCode} in {store.Root}: the Backup action did not run; nothing was changed. Fix: schedule CertInstaller_Backup before the product's files are installed.", code));
            return false;
        }
        var result = results.Preservation = new Preserver(store, _run).Preserve(marker.SnapshotId, data.CertDir);
        foreach (var item in result.Items.Where(i => i.Decision != PreservationDecision.Unchanged))
        {
            var level = item.Decision == PreservationDecision.KeptChangedByAdmin ? LogLevel.Warning : LogLevel.Info;
            log.Add(new LogLine(level, $"{item.RelativePath}: {Describe(item.Decision)}: {item.Reason}"));
        }
        log.Add(new LogLine(LogLevel.Info, $"preserved third-party certificates from snapshot {marker.SnapshotId}: {result.Summary}"));
        // Report only: files the install added under the root Preserve displaced stay where they are (never deleted);
        // Validate reports them as errors with the fix.
        foreach (var orphan in Orphans(data))
            log.Add(new LogLine(LogLevel.Warning, InstallerHints.Append($"after Preserve: {orphan.CodeText} {orphan.Path}: {orphan.Message}", CertInstaller.Core.Codes.CodeRegistry.Of(orphan.Code)),
                CertInstaller.Core.Codes.CodeRegistry.Of(orphan.Code)));
        return true;
    }

    private bool Validate(ActionData data, List<LogLine> log, Results results)
    {
        if (data.Validation == ValidationMode.Off)
        {
            log.Add(new LogLine(LogLevel.Info, $"validation is off ({ActionDataSchema.Field("Validation").Property}=off)"));
            return true;
        }
        var store = Store(data);
        var marker = TransactionMarker.Read(store.Root, data.ProductCode, ports.FileSystem);
        var baseline = marker is null || !data.Preserve ? [] : BaselineFile.ThirdPartyOf(store.Open(marker.SnapshotId).Manifest);
        ValidationReport report;
        try
        {
            report = results.Validation = Validator(data, new LayoutScanner().Scan(data.CertDir), baseline);
        }
        catch (PolicyException e)
        {
            // The message starts with the code (CI14001…); the line carries it too, for the log's coded reader.
            var enforcing = data.Validation == ValidationMode.Enforce;
            log.Add(new LogLine(enforcing ? LogLevel.Error : LogLevel.Warning,
                $"{e.Message} (installer: {ActionDataSchema.Field("Policy").Property} names the policy, a JSON file as for certharness validate --policy)" +
                (enforcing ? "; the installation fails and rolls back" : "; the folder was not validated"), CodeRegistry.Of(e.Code)));
            return !enforcing;
        }
        foreach (var f in report.Findings)
        {
            var level = f.Severity == Severity.Error ? (data.Validation == ValidationMode.Enforce ? LogLevel.Error : LogLevel.Warning)
                : f.Severity == Severity.Warning ? LogLevel.Warning : LogLevel.Info;
            var code = CertInstaller.Core.Codes.CodeRegistry.Of(f.Code);
            log.Add(new LogLine(level, InstallerHints.Append($"{f.CodeText} {f.Severity.ToString().ToLowerInvariant()} {(f.Path.Length == 0 ? data.CertDir : f.Path)}: {f.Message}", code), code));
        }
        var verdict = report.Valid ? "valid" : "NOT valid";
        var enforce = data.Validation == ValidationMode.Enforce;
        log.Add(new LogLine(report.Valid || !enforce ? LogLevel.Info : LogLevel.Error,
            $"validation of {data.CertDir}: {verdict}, {report.Findings.Count} findings (policy {data.Validation.ToString().ToLowerInvariant()})" +
            (!report.Valid && enforce ? $"; the installation fails and rolls back. Fix the findings above, or run with {ActionDataSchema.Field("Validation").Property}=warn" : "")));
        return report.Valid || !enforce;
    }

    private bool Commit(ActionData data, List<LogLine> log)
    {
        var store = Store(data);
        TransactionMarker.Delete(store.Root, data.ProductCode, ports.FileSystem);
        var result = store.Prune(new RetentionPolicy(data.Retain));
        foreach (var failed in result.Failed)
        {
            var first = failed.Issues[0];
            log.Add(new LogLine(LogLevel.Warning, $"snapshot {failed.SnapshotId} failed verification ({failed.Issues.Count} problem(s), first: {CertInstaller.Core.Codes.CodeRegistry.Of(first.Code).Text} {first.Code} {first.RelativePath}: {first.Message}); " +
                $"it was kept and counts as no copy. Fix: check {Path.Combine(store.Root, failed.SnapshotId)} and delete it by hand once it is not needed",
                CertInstaller.Core.Codes.CodeRegistry.Of(first.Code)));
        }
        log.Add(new LogLine(LogLevel.Info, $"retention kept {result.Decisions.Count(d => d.Keep)} snapshots, removed {result.Deleted.Count()}" +
            (result.Deleted.Any() ? ": " + string.Join(", ", result.Deleted) : "")));
        return true;
    }

    private IEnumerable<Finding> Orphans(ActionData data) => OrphanCheck.Find(data.CertDir, ports.Clock.UtcNow, _run);

    /// <summary>The one place the operations get their store: on this runner's ports.</summary>
    private SnapshotStore Store(ActionData data) => ports.Store(data.BackupDir);

    /// <summary>The policy Validate judges by: the installer's preset with MinDigest and ExpiryWarningDays, under the policy file.</summary>
    /// <exception cref="PolicyException">The policy file cannot be used.</exception>
    private static ValidationPolicy Policy(ActionData data)
    {
        var policy = ValidationPolicy.Installer with { MinDigest = data.MinDigest, ExpiryWarningDays = data.ExpiryWarningDays };
        return data.PolicyFile is { } file ? ValidationPolicy.Load(file, policy) : policy;
    }

    // The snapshot's store record takes the path Validate would accept. A policy file that cannot be used leaves the
    // configured MinDigest: the backup still runs, and the validation that follows it reports the file (with its code).
    private static Core.Pki.DigestAlgorithm RecordingMinDigest(ActionData data)
    {
        try
        {
            return Policy(data).MinDigest;
        }
        catch (PolicyException)
        {
            return data.MinDigest;
        }
    }

    private ValidationReport Validator(ActionData data, FolderLayout layout, IReadOnlyList<BaselineFile> baseline, IReadOnlyDictionary<string, string>? copied = null)
    {
        return new FolderValidator(new FolderValidatorOptions { Run = _run }).Validate(new ValidationContext
        {
            Layout = layout,
            Policy = Policy(data),
            At = ports.Clock.UtcNow,
            Host = data.Host,
            Baseline = baseline,
            KnownContent = copied,
        });
    }

    // What Preserve and Validate produced, handed to ActionOutcome for hosts that report data (the wrapper's --json).
    private sealed class Results
    {
        public PreservationResult? Preservation { get; set; }
        public ValidationReport? Validation { get; set; }
    }

    private static string Describe(PreservationDecision d) => d switch
    {
        PreservationDecision.PutBackRegenerated => "put back (the regenerated file is kept in the snapshot's displaced area)",
        PreservationDecision.PutBackMissing => "put back (the install had removed it)",
        PreservationDecision.KeptChangedByAdmin => "left as it is",
        _ => "unchanged",
    };
}
