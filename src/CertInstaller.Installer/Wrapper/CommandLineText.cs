using System.Text;
using CertInstaller.Core.Text;

namespace CertInstaller.Installer.Wrapper;

/// <summary>Command lines as text: for display (secrets hidden), and the raw Windows text after <c>--</c>.</summary>
public static class CommandLineText
{
    /// <summary>The arguments joined for a log line: quoted when they hold a space, every secret value hidden as
    /// <c>***</c> by <see cref="CommandLineSecrets"/> (<c>/p:NAME=V</c>, <c>NAME=V</c>, <c>--opt value</c>,
    /// <c>--opt=value</c>, <c>-pVALUE</c> where the name looks like a password, key, secret, token or credential).</summary>
    public static string Display(IEnumerable<string> arguments) =>
        string.Join(" ", CommandLineSecrets.MaskArguments(arguments.ToList()).Select(shown =>
            shown.Length == 0 || shown.IndexOfAny([' ', '\t']) >= 0 ? "\"" + shown + "\"" : shown));

    /// <summary>
    /// Finds the first argument that is exactly <c>--</c> in a Windows command line (split as the C runtime and .NET split
    /// it into arguments), and returns the program token after it (unquoted) and the raw text after that token.
    /// </summary>
    /// <param name="commandLine">The whole command line, the program name first (<c>Environment.CommandLine</c> on Windows).</param>
    /// <param name="program">The program after <c>--</c>, as an argument.</param>
    /// <param name="rawArguments">The text after the program token, unchanged except for leading blanks.</param>
    /// <returns>False when there is no standalone <c>--</c> followed by a program.</returns>
    public static bool TrySplitAfterDoubleDash(string commandLine, out string program, out string rawArguments)
    {
        program = "";
        rawArguments = "";
        var tokens = WindowsTokens(commandLine);
        for (var i = 1; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Value == "--" && tokens[i].Raw == "--")
            {
                program = tokens[i + 1].Value;
                rawArguments = commandLine.Substring(tokens[i + 1].End).TrimStart(' ', '\t');
                return program.Length > 0;
            }
        }

        return false;
    }

    /// <summary>The arguments of a Windows command line with where each ends (the first, the program name, by its simpler rule).</summary>
    internal static IReadOnlyList<(string Value, string Raw, int End)> WindowsTokens(string commandLine)
    {
        var tokens = new List<(string, string, int)>();
        var i = 0;
        var n = commandLine.Length;

        // The program name: up to the next quote when it starts with one, else up to the first blank; no escapes.
        if (n > 0)
        {
            var start = i;
            string value;
            if (commandLine[i] == '"')
            {
                var close = commandLine.IndexOf('"', i + 1);
                close = close < 0 ? n : close;
                value = commandLine.Substring(i + 1, close - i - 1);
                i = Math.Min(n, close + 1);
                while (i < n && commandLine[i] != ' ' && commandLine[i] != '\t') i++;
            }
            else
            {
                while (i < n && commandLine[i] != ' ' && commandLine[i] != '\t') i++;
                value = commandLine.Substring(start, i - start);
            }

            tokens.Add((value, commandLine.Substring(start, i - start), i));
        }

        while (true)
        {
            while (i < n && (commandLine[i] == ' ' || commandLine[i] == '\t')) i++;
            if (i >= n) break;
            var start = i;
            var value = new StringBuilder();
            var quoted = false;
            while (i < n)
            {
                var c = commandLine[i];
                if (c == '\\')
                {
                    var slashes = 0;
                    while (i < n && commandLine[i] == '\\')
                    {
                        slashes++;
                        i++;
                    }

                    if (i < n && commandLine[i] == '"')
                    {
                        value.Append('\\', slashes / 2);
                        if (slashes % 2 == 1)
                        {
                            value.Append('"');
                            i++;
                        }
                    }
                    else
                    {
                        value.Append('\\', slashes);
                    }
                }
                else if (c == '"')
                {
                    if (quoted && i + 1 < n && commandLine[i + 1] == '"')
                    {
                        value.Append('"'); // "" inside quotes: a literal quote
                        i += 2;
                    }
                    else
                    {
                        quoted = !quoted;
                        i++;
                    }
                }
                else if (!quoted && (c == ' ' || c == '\t'))
                {
                    break;
                }
                else
                {
                    value.Append(c);
                    i++;
                }
            }

            tokens.Add((value.ToString(), commandLine.Substring(start, i - start), i));
        }

        return tokens;
    }
}
