using System.Globalization;
using System.Text;
using CertInstaller.Core.IO;
using CertInstaller.Core.Text;

namespace CertInstaller.Installer.Operations;

/// <summary>
/// <c>certinstaller-action.log</c> in the backup root, in the action host's format: one block per step, a header line
/// <c>&lt;UTC time&gt; &lt;step&gt; succeeded|failed</c>, then indented lines (<c>ActionData: ...</c>, the log lines).
/// The backup root may be writable by another account, so the log is opened without following a link and only when it
/// is this account's own file; every line is escaped.
/// </summary>
public sealed class ActionLogFile(IFileSystem fs, string backupRoot)
{
    /// <summary>The file name (the action host's).</summary>
    public const string FileName = "certinstaller-action.log";

    /// <summary>The log file.</summary>
    public string Path { get; } = System.IO.Path.Combine(backupRoot, FileName);

    /// <summary>The header of an action host block: <c>&lt;time&gt; Backup succeeded</c>.</summary>
    public static string Header(DateTimeOffset utc, string step, string result) =>
        $"{utc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)} {step} {result}";

    /// <summary>The current length, where the next block starts (0 when there is no log yet).</summary>
    public long Length => fs.GetEntry(Path)?.Length ?? 0;

    /// <summary>Appends one block; creates the file owner-only when missing. Never follows a link at the log's path and
    /// writes only to this account's own regular file (<see cref="IFileSystem.OpenOwnFileForAppend"/>). Each line is escaped
    /// (<see cref="Printable.Escape"/>), so a file name or value holding a newline cannot forge a line. Throws on I/O errors
    /// and on a refused file (<see cref="OutputFileRefusedException"/>; callers warn: a log must not fail a run).</summary>
    public void Append(string header, IEnumerable<string> indented)
    {
        if (fs.GetEntry(backupRoot) is null)
        {
            fs.CreateDirectory(backupRoot, privateAccess: true);
        }

        var lines = new List<string> { Printable.Escape(header) };
        lines.AddRange(indented.Select(l => "  " + Printable.Escape(l)));
        var bytes = new UTF8Encoding(false).GetBytes(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        using var stream = fs.OpenOwnFileForAppend(Path);
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>The blocks appended after <paramref name="offset"/>: header and indented lines, as written.</summary>
    public IReadOnlyList<(string Header, IReadOnlyList<string> Lines)> BlocksAfter(long offset)
    {
        if (fs.GetEntry(Path) is null)
        {
            return [];
        }

        string text;
        using (var stream = fs.OpenRead(Path))
        {
            if (offset > stream.Length)
            {
                offset = 0; // the file was replaced meanwhile: read it all
            }

            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = reader.ReadToEnd();
        }

        var blocks = new List<(string, IReadOnlyList<string>)>();
        string? header = null;
        var body = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] != ' ')
            {
                if (header is not null) blocks.Add((header, body));
                header = line;
                body = [];
            }
            else
            {
                body.Add(line.Trim());
            }
        }

        if (header is not null) blocks.Add((header, body));
        return blocks;
    }
}
