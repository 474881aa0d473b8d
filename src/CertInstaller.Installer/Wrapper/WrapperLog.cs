using CertInstaller.Core.IO;

namespace CertInstaller.Installer.Wrapper;

/// <summary>
/// The lines of a wrapped run: each goes to the host's output as it is produced, into the result, and into the action
/// log (<see cref="ActionLogFile"/>, the one writer of its format) in blocks. A log that cannot be written never fails the run.
/// </summary>
internal sealed class WrapperLog(ActionLogFile file, IClock clock, Action<LogLine> output)
{
    private readonly List<LogLine> _lines = [];
    private readonly List<LogLine> _pending = [];
    private bool _commandLogged;

    /// <summary>The log file.</summary>
    public ActionLogFile File { get; } = file;

    /// <summary>Every line so far, in order.</summary>
    public IReadOnlyList<LogLine> Lines => _lines;

    /// <summary>A line of the wrapper's own: printed now, logged in the next run block.</summary>
    public void Say(LogLevel level, string text)
    {
        var line = new LogLine(level, text);
        _lines.Add(line);
        _pending.Add(line);
        output(line);
    }

    /// <summary>A coded line of the wrapper's own ("CI10004 ..."): the text starts with the code, and the line carries it.</summary>
    public void Say(LogLevel level, CodeInfo code, string text)
    {
        var line = new LogLine(level, $"{code.Text} {text}", code);
        _lines.Add(line);
        _pending.Add(line);
        output(line);
    }

    /// <summary>The code of a file error: a refused output file's own (CI12001…, already in its message), else CI14062.</summary>
    public static CodeInfo IoCode(Exception e) =>
        e is OutputFileRefusedException refused ? CodeRegistry.Of(refused.Code) : CodeRegistry.Of(InputErrorCode.FileAccessFailed);

    /// <summary>A line that is printed and kept in the result but not logged (the log already has it, or cannot take it).</summary>
    public void Show(LogLine line)
    {
        _lines.Add(line);
        output(line);
    }

    /// <summary>Logs the pending lines as a run block; <paramref name="result"/> closes the run (the last block).</summary>
    public void Flush(WrapperRun run, string? result = null)
    {
        if (_pending.Count == 0 && result is null)
        {
            return;
        }

        var header = ActionLogFile.Header(clock.UtcNow, "run", result is null ? run.Id : $"{run.Id} {result}");
        var detail = new List<string>();
        if (!_commandLogged || result is not null)
        {
            detail.Add("Command: " + run.Command.Display); // the first and the last block of a run name it
            _commandLogged = true;
        }

        detail.AddRange(_pending.Select(l => l.ToString()));
        _pending.Clear();
        TryAppend(header, detail);
    }

    /// <summary>Logs one operation's block, in the action host's shape: header, <c>ActionData: ...</c>, its lines.</summary>
    public void Operation(ActionOperation operation, ActionData data, ActionOutcome outcome) =>
        TryAppend(ActionLogFile.Header(clock.UtcNow, operation.ToString(), outcome.Succeeded ? "succeeded" : "failed"),
            new[] { "ActionData: " + ActionDataSerializer.Serialize(data) }.Concat(outcome.Lines.Select(l => l.ToString())));

    /// <summary>Where the next block starts; -1 when the log cannot be read.</summary>
    public long Length()
    {
        try
        {
            return File.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>Whether CertInstaller custom actions logged, after <paramref name="offset"/>, that they ran into <paramref name="run"/>'s lock.</summary>
    public bool NestedActionsAfter(long offset, WrapperRun run)
    {
        if (offset < 0)
        {
            return false;
        }

        try
        {
            var operations = new HashSet<string>(Enum.GetNames(typeof(ActionOperation)), StringComparer.Ordinal);
            return File.BlocksAfter(offset).Any(b =>
                b.Header.Split(' ') is { Length: >= 2 } parts && operations.Contains(parts[1])
                && b.Lines.Any(l => l.IndexOf(run.Id, StringComparison.Ordinal) >= 0));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the log is a hint only; the installer's own exit code decides
        }
    }

    private void TryAppend(string header, IEnumerable<string> lines)
    {
        try
        {
            File.Append(header, lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Stdout has every line; a log file that cannot be written must not fail the run.
            var code = IoCode(e);
            Show(new LogLine(LogLevel.Warning, $"{(e is OutputFileRefusedException ? "" : code.Text + " ")}cannot append to {File.Path}: {e.Message}", code));
        }
    }
}
