using System.Diagnostics;
using System.Text;

namespace CertInstaller.MsiKit;

/// <summary>One MSI table in IDT form: what `msiinfo export` writes and `msibuild -i` reads (it replaces the table).</summary>
public sealed class IdtTable
{
    private IdtTable(string[] header, List<string[]> rows)
    {
        this.Header = header;
        this.Rows = rows;
    }

    /// <summary>The three header lines: column names, column types, table name and keys.</summary>
    public string[] Header { get; }
    public List<string[]> Rows { get; }
    public string Name => this.Header[2].Split('\t')[0];
    public string[] Columns => this.Header[0].Split('\t');

    public static IdtTable Export(string msi, string table)
    {
        var text = Tools.Run("msiinfo", null, "export", msi, table);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var rows = lines.Skip(3).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        return new IdtTable(lines.Take(3).ToArray(), rows);
    }

    public int Column(string name) => Array.IndexOf(this.Columns, name) is var i and >= 0
        ? i : throw new InvalidDataException($"table {this.Name} has no column {name}");

    public void Add(params string[] values)
    {
        if (values.Length != this.Columns.Length)
        {
            throw new ArgumentException($"table {this.Name}: {values.Length} values for {this.Columns.Length} columns");
        }

        this.Rows.Add(values);
    }

    /// <summary>Writes the table to <paramref name="dir"/> and imports it into <paramref name="msi"/>, replacing it.</summary>
    public void Import(string msi, string dir)
    {
        Directory.CreateDirectory(dir);
        var sb = new StringBuilder();
        foreach (var line in this.Header)
        {
            sb.Append(line).Append("\r\n");
        }

        foreach (var row in this.Rows)
        {
            sb.Append(string.Join('\t', row)).Append("\r\n");
        }

        var file = this.Name + ".idt";
        File.WriteAllText(System.IO.Path.Combine(dir, file), sb.ToString(), new UTF8Encoding(false));
        Tools.Run("msibuild", dir, System.IO.Path.GetFullPath(msi), "-i", file);
    }
}

/// <summary>Runs the msitools command lines.</summary>
public static class Tools
{
    public static string Run(string file, string? workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}{stdout}");
        }

        return stdout;
    }
}
