namespace CertInstaller.Core.Tests.IO;

/// <summary>One line of <see cref="FaultInjectingFileSystem.Log"/>, parsed: the operation, its path and, for a move, the
/// destination; for the tests that assert the order of the writes (flush before rename, sync after).</summary>
public sealed record LoggedOperation(string Op, string Path, string? To)
{
    /// <summary>Every operation <paramref name="fs"/> logged, in order.</summary>
    public static List<LoggedOperation> Of(FaultInjectingFileSystem fs) => fs.Log.Select(Parse).ToList();

    /// <summary>Parses "n: Operation path" or "n: Operation source -> destination".</summary>
    public static LoggedOperation Parse(string line)
    {
        var body = line.Substring(line.IndexOf(": ", StringComparison.Ordinal) + 2);
        var space = body.IndexOf(' ');
        var name = body.Substring(0, space);
        var rest = body.Substring(space + 1);
        var arrow = rest.IndexOf(" -> ", StringComparison.Ordinal);
        return arrow < 0 ? new LoggedOperation(name, rest, null) : new LoggedOperation(name, rest.Substring(0, arrow), rest.Substring(arrow + 4));
    }

    /// <summary>The operations on one line, for an assertion's message.</summary>
    public static string Describe(IEnumerable<LoggedOperation> ops) => string.Join(" | ", ops.Select(o => $"{o.Op} {o.Path}{(o.To is null ? "" : " -> " + o.To)}"));
}
