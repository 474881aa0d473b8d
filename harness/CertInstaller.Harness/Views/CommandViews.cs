namespace CertInstaller.Harness.Views;

/// <summary>backup create --json: the snapshot taken and its third-party files.</summary>
public sealed record SnapshotCreatedView(string Id, string Path, int Files, IReadOnlyList<string> ThirdParty);

/// <summary>backup list --json: one complete snapshot.</summary>
public sealed record SnapshotListItemView(string Id, string Path, bool Intact, string? Problem, string? Reason, DateTimeOffset? Created, int? Files, int? ThirdParty, bool? ValidatedClean);

/// <summary>preserve --json: what was done with each file of the snapshot.</summary>
public sealed record PreserveView(string Snapshot, IReadOnlyList<PreservedFileView> Files);

/// <summary>One file's preservation decision.</summary>
public sealed record PreservedFileView(string Path, string Decision, string Reason);

/// <summary>validate --json: the verdict and the findings.</summary>
public sealed record ValidateView(bool Valid, string Folder, IReadOnlyList<FindingView> Findings);

/// <summary>One validation finding (severity lowercase: error, warning, info).</summary>
public sealed record FindingView(string Code, string Severity, string Path, string Message);
