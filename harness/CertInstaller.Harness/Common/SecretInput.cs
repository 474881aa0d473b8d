using System.CommandLine;
using CertInstaller.Core.Codes;

namespace CertInstaller.Harness.Common;

/// <summary>
/// The password of verbs that write secrets (pfx create) or read an existing key for a new CSR: from --password-file or
/// CERTHARNESS_PASSWORD only, never from an argument (it would sit in the shell history and the process list).
/// </summary>
internal sealed class SecretInput
{
    public Option<string?> PasswordFile { get; } = new("--password-file") { Description = $"file whose first line is the password (or set {CommonOptions.PasswordVariable})" };

    /// <summary>The password, or null when neither the file nor the variable gives one.</summary>
    public string? Resolve(ParseResult result)
    {
        if (result.GetValue(PasswordFile) is { } file)
        {
            return ReadFile(file);
        }

        return Environment.GetEnvironmentVariable(CommonOptions.PasswordVariable) is { Length: > 0 } env ? env : null;
    }

    /// <summary>The first line of a password file; a usage error naming the file when it cannot be read.</summary>
    public string ReadFile(string file)
    {
        try
        {
            return File.ReadAllLines(file).FirstOrDefault() ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new HarnessException(InputErrorCode.PasswordFileUnusable, $"{file}: cannot read the password file: {Core.Text.Messages.Brief(e.Message)}");
        }
    }
}
