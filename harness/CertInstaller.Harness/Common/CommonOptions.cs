using System.CommandLine;
using CertInstaller.Core.Codes;

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
                return FirstLine(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new HarnessException(InputErrorCode.PasswordFileUnusable, $"{file}: cannot read the password file: {Core.Text.Messages.Brief(e.Message)} (give a readable file whose first line is the password)");
            }
        }

        return Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } env ? env : null;
    }

    /// <summary>The first line of <paramref name="file"/>, reading at most <see cref="MaxPasswordLineBytes"/> bytes: a pipe
    /// (--password-file &lt;(pass show x)) works, /dev/zero or a huge file is an error, not gigabytes of memory.</summary>
    internal static string FirstLine(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n')
        {
            if (bytes.Count == MaxPasswordLineBytes)
            {
                throw new HarnessException(InputErrorCode.PasswordFileUnusable, $"{file}: the first line of the password file is longer than {MaxPasswordLineBytes} bytes, so it is not a password file (give a file whose first line is the password)");
            }

            bytes.Add((byte)b);
        }

        var start = bytes.Count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0; // a UTF-8 BOM, as File.ReadAllLines skipped
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray(), start, bytes.Count - start).TrimEnd('\r');
    }

    /// <summary>The longest first line a password file may have.</summary>
    internal const int MaxPasswordLineBytes = 4096;
}
