namespace CertInstaller.Harness.Common;

/// <summary>Bad usage or unreadable input: printed as one line naming the file, exit code 2.</summary>
public sealed class HarnessException(string message) : Exception(message)
{
    /// <summary>For a file that could not be read.</summary>
    public static HarnessException From(Core.Pki.Reading.ReadError error) => new($"{error.Path}: {error.Problem} ({error.Hint})");
}
