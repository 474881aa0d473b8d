namespace CertInstaller.Core.Validation;

/// <summary>A policy file that cannot be used; the message names the file and the setting.</summary>
public sealed class PolicyException(string source, string problem) : Exception($"policy {source} {problem}")
{
    /// <summary>The policy file.</summary>
    public string PolicyFile { get; } = source;
}
