using System.Text;
using CertInstaller.Core.Pki.Requests;

namespace CertInstaller.Core.Pki.Creation;

/// <summary>One attribute of a subject to request, in the order given: its type and value.</summary>
public sealed record SubjectAttribute(SubjectAttributeType Type, string Value);

/// <summary>Why a subject could not be parsed.</summary>
public sealed class SubjectFormatException(string message) : FormatException(message);

/// <summary>
/// Parses a subject in OpenSSL's <c>/C=US/O=Org/OU=a/OU=b/CN=host</c> form or in the one-line
/// <c>C = US, O = Org, CN = host</c> form certharness prints; attributes stay in the order given, repeated OUs included.
/// </summary>
public static class SubjectParser
{
    /// <summary>The attributes of <paramref name="subject"/>, in order.</summary>
    /// <exception cref="SubjectFormatException">An empty subject, an unknown attribute type, a missing '=' or value, or a bad country code.</exception>
    public static IReadOnlyList<SubjectAttribute> Parse(string subject)
    {
        var text = subject.Trim();
        if (text.Length == 0)
        {
            throw new SubjectFormatException("the subject is empty; give e.g. /C=US/O=Example/OU=IC/CN=ic1.example.com");
        }

        var slashForm = text[0] == '/';
        var parts = Split(slashForm ? text.Substring(1) : text, slashForm ? '/' : ',', slashForm);
        var attributes = new List<SubjectAttribute>();
        foreach (var (raw, hasPlus) in parts)
        {
            if (!slashForm && hasPlus)
            {
                throw new SubjectFormatException($"'{raw}' is a multi-valued RDN (an unescaped '+'); give each attribute on its own, or escape it as \\+");
            }

            var eq = raw.IndexOf('=');
            if (eq <= 0)
            {
                throw new SubjectFormatException($"'{raw}' is not TYPE=VALUE");
            }

            var typeName = raw.Substring(0, eq).Trim();
            var value = Unescape(raw.Substring(eq + 1), trim: !slashForm);
            var type = SubjectAttributes.Find(typeName)
                ?? throw new SubjectFormatException($"unknown subject attribute '{typeName}'; valid: {SubjectAttributes.ValidNames}");
            if (value.Length == 0)
            {
                throw new SubjectFormatException($"{type.ShortName} has no value");
            }

            if (type.ShortName == "C" && (value.Length != 2 || !value.All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')))
            {
                throw new SubjectFormatException($"C must be a two-letter country code, not '{value}'");
            }

            attributes.Add(new SubjectAttribute(type, value));
        }

        return attributes;
    }

    /// <summary>The one-line form of <paramref name="attributes"/> ("C = US, O = Org, CN = host"), escaped so <see cref="Parse"/> reads it back.</summary>
    public static string OneLine(IEnumerable<SubjectAttribute> attributes) =>
        string.Join(", ", attributes.Select(a => $"{a.Type.ShortName} = {Escape(a.Value)}"));

    private static string Escape(string value)
    {
        var b = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (",+\"\\<>;".IndexOf(c) >= 0 || (i == 0 && (c == '#' || c == ' ')) || (i == value.Length - 1 && c == ' '))
            {
                b.Append('\\');
            }

            b.Append(c);
        }

        return b.ToString();
    }

    // Splits on unescaped separators; a backslash keeps the next character (and stays in the part for Unescape).
    private static List<(string Part, bool HasPlus)> Split(string text, char separator, bool slashForm)
    {
        var parts = new List<(string, bool)>();
        var current = new StringBuilder();
        var plus = false;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '"' && !slashForm)
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                parts.Add((current.ToString(), plus));
                current.Clear();
                plus = false;
                continue;
            }
            else if (c == '+' && !quoted)
            {
                plus = true;
            }

            current.Append(c);
        }

        if (quoted)
        {
            throw new SubjectFormatException("a quoted value is not closed");
        }

        parts.Add((current.ToString(), plus));
        if (parts.Any(p => ((string)p.Item1).Trim().Length == 0))
        {
            throw new SubjectFormatException($"the subject has an empty attribute (two '{separator}' in a row, or one at the end)");
        }

        return parts;
    }

    private static string Unescape(string raw, bool trim)
    {
        var text = trim ? raw.TrimStart() : raw;
        if (trim && text.Length >= 2 && text[0] == '"' && text.TrimEnd().EndsWith("\"", StringComparison.Ordinal))
        {
            var inner = text.TrimEnd();
            return inner.Substring(1, inner.Length - 2).Replace("\\\"", "\"");
        }

        var b = new StringBuilder();
        var lastEscaped = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                b.Append(text[++i]);
                lastEscaped = b.Length - 1;
            }
            else
            {
                b.Append(text[i]);
            }
        }

        if (trim)
        {
            // Trailing spaces go unless escaped ("a\ " keeps its space).
            var end = b.Length;
            while (end > 0 && b[end - 1] == ' ' && end - 1 != lastEscaped)
            {
                end--;
            }

            b.Length = end;
        }

        return b.ToString();
    }
}
