using System.Xml;

namespace CertInstaller.Harness.Rendering.Html;

/// <summary>
/// An XmlWriter kept HTML-compatible: non-void elements always get an end tag (an HTML parser reads "&lt;div /&gt;" as an
/// open div), text and attribute values are always encoded by the writer, never concatenated into markup.
/// </summary>
internal sealed class HtmlMarkup(XmlWriter writer)
{
    /// <summary>Opens an element; attributes with a null value are left out.</summary>
    public HtmlMarkup Open(string tag, params (string Name, string? Value)[] attributes)
    {
        writer.WriteStartElement(tag);
        foreach (var (name, value) in attributes)
            if (value is not null) writer.WriteAttributeString(name, Clean(value));
        return this;
    }

    /// <summary>Closes the innermost element with an explicit end tag.</summary>
    public HtmlMarkup Close()
    {
        writer.WriteFullEndElement();
        return this;
    }

    /// <summary>An element holding only <paramref name="text"/>.</summary>
    public HtmlMarkup Element(string tag, string text, params (string Name, string? Value)[] attributes) => Open(tag, attributes).Text(text).Close();

    /// <summary>A void HTML element (meta) or a childless SVG element, written self-closed.</summary>
    public HtmlMarkup Void(string tag, params (string Name, string? Value)[] attributes)
    {
        writer.WriteStartElement(tag);
        foreach (var (name, value) in attributes)
            if (value is not null) writer.WriteAttributeString(name, Clean(value));
        writer.WriteEndElement();
        return this;
    }

    /// <summary>Encoded text.</summary>
    public HtmlMarkup Text(string text)
    {
        writer.WriteString(Clean(text));
        return this;
    }

    /// <summary>The report's own constant style sheet: raw, because an HTML parser does not decode entities inside &lt;style&gt;.
    /// Never given data from a file.</summary>
    public HtmlMarkup Style(string css)
    {
        writer.WriteStartElement("style");
        writer.WriteRaw(css);
        writer.WriteFullEndElement();
        return this;
    }

    /// <summary>Certificate text made safe for XML: see <see cref="XmlText.Clean"/>.</summary>
    internal static string Clean(string text) => XmlText.Clean(text);
}
