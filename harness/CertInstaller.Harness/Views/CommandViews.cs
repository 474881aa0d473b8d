using System.Text.Json.Serialization;

namespace CertInstaller.Harness.Views;

/// <summary>backup create --json: the snapshot taken and its third-party files.</summary>
public sealed record SnapshotCreatedView(string Id, string Path, int Files, IReadOnlyList<string> ThirdParty);

/// <summary>backup list --json: one complete snapshot.</summary>
public sealed record SnapshotListItemView(string Id, string Path, bool Intact, string? Problem, string? Reason, DateTimeOffset? Created, int? Files, int? ThirdParty, bool? ValidatedClean)
{
    /// <summary>The first problem as the text form prints it (code, name, file, message); text only.</summary>
    [JsonIgnore]
    public string? ProblemText { get; init; }
}

/// <summary>backup verify --json: every snapshot checked under a backup root.</summary>
public sealed record BackupVerifyView(string Root, bool Intact, IReadOnlyList<SnapshotVerifyView> Snapshots);

/// <summary>One snapshot re-hashed against its manifest.</summary>
public sealed record SnapshotVerifyView(string Id, bool Intact, int FilesChecked, IReadOnlyList<VerifyIssueView> Issues);

/// <summary>One verification problem: code (CI…), its name, the file concerned (none for the manifest as a whole) and the message.</summary>
public sealed record VerifyIssueView(string Code, string Name, string? Path, string Message);

/// <summary>backup restore --json: the snapshot restored, where, and each file the restore changed or kept aside.</summary>
public sealed record RestoreView(string Snapshot, string Folder, string Scope, string Summary, IReadOnlyList<RestoredFileView> Files)
{
    /// <summary>Where the LocalMachine stores no longer match what the snapshot recorded (issue 27); empty when they match.</summary>
    public IReadOnlyList<StoreDriftView> Store { get; init; } = [];
}

/// <summary>One store drift: code (CI13050…), its name, severity, the store, the recorded certificate, what differs and the fix.</summary>
public sealed record StoreDriftView(string Code, string Name, string Severity, string Store, string? Thumbprint, string? Subject, string Message, string Fix);

/// <summary>One file the restore changed (action lowercase: restored, replaced, removed, ...) and where the live copy was kept.</summary>
public sealed record RestoredFileView(string Path, string Action, string? DisplacedPath);

/// <summary>preserve --json: what was done with each file of the snapshot.</summary>
public sealed record PreserveView(string Snapshot, IReadOnlyList<PreservedFileView> Files)
{
    /// <summary>What validation will report as errors afterwards: an IC CA the current Server Group did not issue
    /// (CI9001) and orphans of a displaced root (CI9002). Preserve never moves them; it says so.</summary>
    public IReadOnlyList<FindingView> Orphans { get; init; } = [];

    /// <summary>The one-line summary the text form ends with; text only.</summary>
    [JsonIgnore]
    public string Summary { get; init; } = string.Empty;
}

/// <summary>One file's preservation decision.</summary>
public sealed record PreservedFileView(string Path, string Decision, string Reason);

/// <summary>validate --json: the verdict and the findings.</summary>
public sealed record ValidateView(bool Valid, string Folder, IReadOnlyList<FindingView> Findings)
{
    /// <summary>Every file the rules looked at ('/'-separated, relative); JUnit gives each a testcase. Not in JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The lowest severity that fails (error, or warning under --strict); not in JSON.</summary>
    [JsonIgnore]
    public string FailAt { get; init; } = "error";

    /// <summary>The time judged at (--at, else now); JUnit's timestamp. Not in JSON.</summary>
    [JsonIgnore]
    public DateTimeOffset At { get; init; }

    /// <summary>The verb that judged the folder (validate, store): JUnit's suite and class names. Not in JSON.</summary>
    [JsonIgnore]
    public string Verb { get; init; } = "validate";
}

/// <summary>One validation finding (severity lowercase: error, warning, info).</summary>
public sealed record FindingView(string Code, string Severity, string Path, string Message)
{
    /// <summary>The code's name (ChainNotTrusted, ...); not in JSON.</summary>
    [JsonIgnore]
    public string Name { get; init; } = string.Empty;
}
