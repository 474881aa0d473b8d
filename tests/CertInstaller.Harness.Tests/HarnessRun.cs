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

    public override string ToString() => $"exit {Code}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
