namespace CertInstaller.Core.Preservation;

/// <summary>One third-party file and what preservation decided for it.</summary>
/// <param name="RelativePath">Path under the folder, '/'-separated.</param>
/// <param name="Decision">What is (or was) done.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record PreservationItem(string RelativePath, PreservationDecision Decision, string Reason);
