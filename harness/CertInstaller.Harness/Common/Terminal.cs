namespace CertInstaller.Harness.Common;

/// <summary>Whether the run's stderr is a terminal, as the host said when it called <see cref="Cli.Run(string[], TextWriter, TextWriter, bool)"/>.
/// Ambient (per call chain) because System.CommandLine hands verbs only their writers, not where those lead.</summary>
internal static class Terminal
{
    private static readonly AsyncLocal<bool> Stderr = new();

    public static bool StderrIsTerminal => Stderr.Value;

    /// <summary>Sets the flag for the rest of this call chain; dispose to put the old value back.</summary>
    public static IDisposable Scope(bool stderrIsTerminal)
    {
        var previous = Stderr.Value;
        Stderr.Value = stderrIsTerminal;
        return new Restore(() => Stderr.Value = previous);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
