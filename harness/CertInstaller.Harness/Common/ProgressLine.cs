using System.Diagnostics;
using CertInstaller.Core.IO;

namespace CertInstaller.Harness.Common;

/// <summary>
/// One progress line on stderr, rewritten in place with '\r' ("certharness validate: 120/4000 files  ServerGroup"),
/// at most one update per <see cref="MinInterval"/> (a folder of 100,000 files must not spend its time on the
/// terminal), and cleared by <see cref="Dispose"/> so the verb's own output starts on a clean line. Thread-safe: the
/// digests scan reports from its reading threads.
/// </summary>
internal sealed class ProgressLine : IProgress<WorkProgress>, IDisposable
{
    /// <summary>Ten updates a second at most.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Widest line written: fits an 80-column terminal without wrapping (a wrapped line cannot be rewritten).</summary>
    public const int MaxWidth = 79;

    private readonly object _gate = new();
    private readonly TextWriter _stderr;
    private readonly string _verb;
    private readonly Func<TimeSpan> _elapsed;
    private TimeSpan? _last;
    private int _written;

    public ProgressLine(TextWriter stderr, string verb, Func<TimeSpan>? elapsed = null)
    {
        _stderr = stderr;
        _verb = verb;
        var clock = Stopwatch.StartNew();
        _elapsed = elapsed ?? (() => clock.Elapsed);
    }

    /// <summary>The decision: progress only when stderr is a terminal and neither machine output (--json, --format) nor --quiet was asked for.</summary>
    public static bool Wanted(bool stderrIsTerminal, bool machineOutput, bool quiet) => stderrIsTerminal && !machineOutput && !quiet;

    public void Report(WorkProgress value)
    {
        lock (_gate)
        {
            var now = _elapsed();
            if (_last is { } last && now - last < MinInterval)
            {
                return;
            }

            _last = now;
            var folder = value.Folder.Length == 0 ? "." : Core.Text.Printable.Escape(value.Folder);
            var line = $"certharness {_verb}: {value.Done}/{value.Total} files  {folder}";
            if (line.Length > MaxWidth)
            {
                line = line.Substring(0, MaxWidth - 3) + "...";
            }

            // Pad over the previous, longer line: '\r' only moves the cursor back.
            _stderr.Write("\r" + line.PadRight(_written));
            _stderr.Flush();
            _written = line.Length;
        }
    }

    /// <summary>Clears the line (when anything was written) and leaves the cursor at its start.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_written > 0)
            {
                _stderr.Write("\r" + new string(' ', _written) + "\r");
                _stderr.Flush();
                _written = 0;
            }
        }
    }
}
