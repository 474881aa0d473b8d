namespace CertInstaller.Harness.Views;

/// <summary>demo: one step of the lifecycle, its number, its title and what it printed (lines already indented
/// below the step: an action's log lines, a nested certharness run's output).</summary>
public sealed record DemoStepView(int Number, string Title, IReadOnlyList<string> Lines);

/// <summary>demo: how the lifecycle ended.</summary>
public sealed record DemoVerdictView(bool Ok, string Verdict);
