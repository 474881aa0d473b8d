using System.CommandLine;

namespace CertInstaller.Harness.Common;

/// <summary>Options every reading verb shares: --json, --password, --password-file (and CERTHARNESS_PASSWORD).</summary>
internal sealed class CommonOptions
{
    public const string PasswordVariable = "CERTHARNESS_PASSWORD";

    public Option<bool> Json { get; } = new("--json") { Description = "print JSON (shape documented in README.md) instead of text" };

    public Option<string?> Password { get; } = new("--password") { Description = $"password of encrypted keys and PKCS#12 files (or set {PasswordVariable})" };

    public Option<string?> PasswordFile { get; } = new("--password-file") { Description = "file whose first line is the password" };

    public void AddTo(Command command)
    {
        command.Add(Json);
        command.Add(Password);
        command.Add(PasswordFile);
    }

    /// <summary>The password from --password, then --password-file, then the environment; null when none.</summary>
    public string? ResolvePassword(ParseResult result)
    {
        if (result.GetValue(Password) is { Length: > 0 } password)
        {
            return password;
        }

        if (result.GetValue(PasswordFile) is { } file)
        {
            try
            {
                return File.ReadAllLines(file).FirstOrDefault() ?? string.Empty;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new HarnessException($"{file}: cannot read the password file: {e.Message}");
            }
        }

        return Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } env ? env : null;
    }
}
