namespace CertInstaller.Harness.Common;

/// <summary>Bad usage or unreadable input: printed by <see cref="Cli.Run"/> as one line naming the file, exit code 2.</summary>
public sealed class HarnessException(string message) : Exception(message);
