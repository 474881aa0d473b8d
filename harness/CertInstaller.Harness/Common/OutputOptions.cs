using System.CommandLine;
using CertInstaller.Core.Codes;
using CertInstaller.Harness.Rendering;

namespace CertInstaller.Harness.Common;

/// <summary>The output options of a verb: --json (always), --format text|json|junit (pipeline verbs) and --quiet (verbs
/// that show progress). <see cref="Format"/> resolves them, refusing a --json and --format that disagree.</summary>
internal sealed class OutputOptions
{
    private readonly Option<bool> _json;

    /// <summary>Options over an existing --json (a verb's <see cref="CommonOptions.Json"/>) or a new one.</summary>
    public OutputOptions(Option<bool>? json = null, bool format = false, bool quiet = false)
    {
        _json = json ?? new Option<bool>("--json") { Description = "print JSON (shape documented in README.md) instead of text" };
        OwnsJson = json is null;
        if (format)
        {
            FormatOption = new Option<string?>("--format") { Description = "text (default), json, or junit (JUnit XML for CI test reports); --json is short for --format json" };
            FormatOption.AcceptOnlyFromAmong("text", "json", "junit");
        }

        if (quiet)
        {
            Quiet = new Option<bool>("--quiet") { Description = "no progress line on stderr (progress shows only when stderr is a terminal)" };
        }
    }

    /// <summary>True when this instance made its own --json (and adds it to the command).</summary>
    private bool OwnsJson { get; }

    public Option<string?>? FormatOption { get; }

    public Option<bool>? Quiet { get; }

    public void AddTo(Command command)
    {
        if (OwnsJson)
        {
            command.Add(_json);
        }

        if (FormatOption is not null)
        {
            command.Add(FormatOption);
        }

        if (Quiet is not null)
        {
            command.Add(Quiet);
        }
    }

    /// <summary>The format asked for: --format, else --json, else text. Both given and different is a usage error.</summary>
    public OutputFormat Format(ParseResult result)
    {
        var json = result.GetValue(_json);
        var format = FormatOption is null ? null : result.GetValue(FormatOption);
        var chosen = format switch
        {
            null => json ? OutputFormat.Json : OutputFormat.Text,
            "json" => OutputFormat.Json,
            "junit" => OutputFormat.JUnit,
            _ => OutputFormat.Text,
        };
        if (json && chosen != OutputFormat.Json)
        {
            throw new HarnessException(InputErrorCode.OptionsConflict, $"--json and --format {format} disagree: --json is short for --format json; give one of them");
        }

        return chosen;
    }

    /// <summary>The progress line for this run, or null: only on a terminal, and never with --json, --format or --quiet.</summary>
    public ProgressLine? Progress(ParseResult result, string verb)
    {
        var machineOutput = result.GetValue(_json) || (FormatOption is not null && result.GetValue(FormatOption) is not null);
        var quiet = Quiet is not null && result.GetValue(Quiet);
        return ProgressLine.Wanted(Terminal.StderrIsTerminal, machineOutput, quiet)
            ? new ProgressLine(result.InvocationConfiguration.Error, verb)
            : null;
    }
}
