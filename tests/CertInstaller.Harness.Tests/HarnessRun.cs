using System.Text.Json;

namespace CertInstaller.Harness.Tests;

/// <summary>The outcome of one in-process certharness run.</summary>
internal sealed record HarnessRun(int Code, string Stdout, string Stderr)
{
    public static HarnessRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        return new HarnessRun(code, stdout.ToString(), stderr.ToString());
    }

    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    /// <summary>The registry code of the first error line ("certharness validate: CI14005 PolicySettingUnknown: ..."), or
    /// null when the first line of stderr carries none: tests assert codes, not wording.</summary>
    public string? ErrorCode =>
        System.Text.RegularExpressions.Regex.Match(Stderr, @"\Acertharness [^:\n]*: (CI\d+) \w+: ") is { Success: true } m ? m.Groups[1].Value : null;

    public override string ToString() => $"exit {Code}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
