using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertInstaller.Installer.Wrapper;

// The wrapper's --json summary as data: the shape README.md documents ("Deploying with SCCM / Intune / Ansible"),
// written through a source-generated contract so a NativeAOT action host (build/release.sh) serialises it without
// reflection. Enum values are camelCase names, as the summary has always printed them.

/// <summary>The <c>--json</c> summary of a wrapped run.</summary>
internal sealed record WrapperSummary(
    string RunId,
    string Command,
    string CertDir,
    string BackupDir,
    string Outcome,
    int ExitCode,
    int ExitStatus,
    int? InstallerExitCode,
    int? InstallerExitStatus,
    bool? ProductInstalled,
    bool CertDirExisted,
    string? Next,
    string? SnapshotId,
    bool Restored,
    bool NestedActions,
    bool FinishedInterruptedRun,
    IReadOnlyList<string> PutBack,
    IReadOnlyList<WrapperSummaryPreservation>? Preservation,
    WrapperSummaryValidation? Validation,
    string Log,
    IReadOnlyList<WrapperSummaryLine> Lines)
{
    /// <summary>An enum value as the summary prints it ("installerFailed").</summary>
    internal static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

/// <summary>One Preserve decision in the summary.</summary>
internal sealed record WrapperSummaryPreservation(string Path, string Decision, string Reason);

/// <summary>The validation verdict in the summary.</summary>
internal sealed record WrapperSummaryValidation(bool Valid, string Policy, IReadOnlyList<WrapperSummaryFinding> Findings);

/// <summary>One validation finding in the summary.</summary>
internal sealed record WrapperSummaryFinding(string Code, string Severity, string Path, string Message);

/// <summary>One log line in the summary.</summary>
internal sealed record WrapperSummaryLine(string Level, string Text);

/// <summary>The summary's source-generated JSON contract (camelCase names, indented, as the reflection writer had it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(WrapperSummary))]
internal sealed partial class WrapperSummaryJsonContext : JsonSerializerContext;
