using System.Text.Json.Serialization;
using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Rendering;

/// <summary>
/// The source-generated JSON contract of every view certharness prints (no reflection: NativeAOT and trimming safe).
/// A view that is missing here fails at run time and in HarnessJsonContextTests: add each new view (and any list of
/// it a verb prints at top level) with one attribute.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ObjectView))]
[JsonSerializable(typeof(List<ObjectView>))]
[JsonSerializable(typeof(CsrCheckView))]
[JsonSerializable(typeof(ChainView))]
[JsonSerializable(typeof(DigestsView))]
[JsonSerializable(typeof(SnapshotCreatedView))]
[JsonSerializable(typeof(List<SnapshotListItemView>))]
[JsonSerializable(typeof(BackupVerifyView))]
[JsonSerializable(typeof(RestoreView))]
[JsonSerializable(typeof(PreserveView))]
[JsonSerializable(typeof(ValidateView))]
[JsonSerializable(typeof(CsrCreateView))]
[JsonSerializable(typeof(LintConfigView))]
[JsonSerializable(typeof(DigestBaselineView))]
[JsonSerializable(typeof(ImportCheckView))]
[JsonSerializable(typeof(PfxCreateView))]
[JsonSerializable(typeof(SampleFolderView))]
[JsonSerializable(typeof(SampleHierarchyView))]
[JsonSerializable(typeof(DemoStepView))]
[JsonSerializable(typeof(DemoVerdictView))]
internal sealed partial class HarnessJsonContext : JsonSerializerContext;
