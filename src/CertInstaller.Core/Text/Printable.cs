using System.Globalization;
using System.Text;

namespace CertInstaller.Core.Text;

/// <summary>Makes text from files and installer properties safe to print on one line: control characters (newlines,
/// escape sequences, C1 controls), line and paragraph separators and bidirectional overrides cannot forge a log line or
/// drive a terminal.</summary>
public static class Printable
{
    /// <summary>True for a character that is escaped when printed: C0 and C1 controls, DEL, U+2028/U+2029 and the
    /// bidirectional embedding, override and isolate characters.</summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>The index of the first unsafe character of <paramref name="text"/>, or -1.</summary>
    public static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><paramref name="text"/> with each unsafe character written as <c>\n</c>, <c>\r</c>, <c>\t</c> or
    /// <c>\u{XXXX}</c> (backslashes stay as they are: Windows paths are full of them); unchanged when it holds none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || IndexOfUnsafe(text!) < 0)
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text!.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (IsUnsafe(c))
                    {
                        builder.Append("\\u{").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
