namespace CertInstaller.MsiE2E.Tests.Engine;

/// <summary>One msiexec run: its exit code, its verbose MSI log, and what the engine printed (Wine passes the exe
/// custom actions' stdout through to msiexec's stdout).</summary>
public sealed record MsiRun(string CommandLine, int ExitCode, string Log, string Output)
{
    public override string ToString() => $"{this.CommandLine} -> exit {this.ExitCode}";
}
