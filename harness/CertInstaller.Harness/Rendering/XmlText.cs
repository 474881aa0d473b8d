using System.Text;
using System.Xml;

namespace CertInstaller.Harness.Rendering;

/// <summary>Text from files made safe for the XML certharness writes (JUnit, the HTML report).</summary>
internal static class XmlText
{
    /// <summary>
    /// Certificate text is hostile: control and bidi characters are shown escaped (as everywhere certharness prints file
    /// data), and what XML cannot hold at all (U+FFFE, U+FFFF, unpaired surrogates) becomes U+FFFD, so the writer never throws.
    /// </summary>
    public static string Clean(string? text)
    {
        var printable = Core.Text.Printable.Escape(text);
        var builder = new StringBuilder(printable.Length);
        foreach (var rune in printable.EnumerateRunes())
            builder.Append(XmlConvert.IsXmlChar(rune.ToString()[0]) || rune.Utf16SequenceLength == 2 ? rune.ToString() : "\uFFFD");
        return builder.ToString();
    }
}
