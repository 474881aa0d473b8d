using CertInstaller.Harness.Views;

namespace CertInstaller.Harness.Rendering;

/// <summary>The digests verb's text view written while the scan runs: the header, each file's line as soon as the file is
/// done, the footer. The text is the same as <see cref="TextRenderer"/>'s of the whole view (DigestsCommandTests holds
/// them equal); lines go out in 64 KB pieces, not one write each, so a 20,000-file scan keeps no view of every file.</summary>
internal sealed class DigestsTextStream(string minimum, int width, TextWriter output)
{
    private const int FlushAt = 65536;
    private readonly StringWriter _pending = new();

    /// <summary>Writes the header line.</summary>
    public void Header() => TextRenderer.WriteDigestsHeader(minimum, output);

    /// <summary>Adds one file's line; writes the pending lines once they reach 64 KB.</summary>
    public void Line(DigestFileView file)
    {
        TextRenderer.WriteDigestLine(file, width, _pending);
        if (_pending.GetStringBuilder().Length >= FlushAt)
        {
            Flush();
        }
    }

    /// <summary>Writes the pending lines and the footer (totals, skipped files, the chain summary).</summary>
    public void Footer(int signed, int weak, IReadOnlyList<SkippedView> skipped, ChainSummaryView? chains)
    {
        Flush();
        TextRenderer.WriteDigestsFooter(minimum, signed, weak, skipped, chains, output);
    }

    private void Flush()
    {
        output.Write(_pending.GetStringBuilder());
        _pending.GetStringBuilder().Clear();
    }
}
