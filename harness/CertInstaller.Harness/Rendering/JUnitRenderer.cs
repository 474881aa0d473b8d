using System.Globalization;
using System.Text;
using System.Xml;

namespace CertInstaller.Harness.Rendering;

/// <summary>One run as a JUnit test suite: its name (verb and folder or file), time and cases.</summary>
internal sealed record JUnitSuite(string Name, DateTimeOffset Timestamp, IReadOnlyList<JUnitCase> Cases);

/// <summary>One check of one file: "<c>CODE path</c>", failing (message, code, body with the problem and fix), skipped, or passing with optional output.</summary>
internal sealed record JUnitCase(string Name, string ClassName)
{
    public JUnitFailure? Failure { get; init; }

    public string? Skipped { get; init; }

    public string? SystemOut { get; init; }
}

/// <summary>A failed check: the message attribute, the code as type, and the body.</summary>
internal sealed record JUnitFailure(string Message, string Type, string Body);

/// <summary>Writes JUnit XML in the shape Azure DevOps (PublishTestResults, JUnit), GitLab (artifacts:reports:junit) and
/// Jenkins read: one &lt;testsuites&gt; root, one &lt;testsuite&gt; per run, one &lt;testcase&gt; per check per file.</summary>
internal static class JUnitRenderer
{
    public static void Write(JUnitSuite suite, TextWriter output)
    {
        // ASCII with character references for everything else: the bytes then mean the same under any console code page
        // (cmd's OEM page, a UTF-8 terminal, a pipe), so the file a pipeline publishes is valid XML whatever stdout is.
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = Encoding.ASCII, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            var failures = suite.Cases.Count(c => c.Failure is not null).ToString(CultureInfo.InvariantCulture);
            var skipped = suite.Cases.Count(c => c.Skipped is not null).ToString(CultureInfo.InvariantCulture);
            var tests = suite.Cases.Count.ToString(CultureInfo.InvariantCulture);
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "certharness");
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures);
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", skipped);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", XmlText.Clean(suite.Name));
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures);
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", skipped);
            xml.WriteAttributeString("timestamp", suite.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            foreach (var c in suite.Cases)
            {
                WriteCase(xml, c);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        output.Write(Encoding.ASCII.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void WriteCase(XmlWriter xml, JUnitCase c)
    {
        // Values from files go through XmlText.Clean: a control character or U+FFFF in a crafted name is not valid XML.
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", XmlText.Clean(c.Name));
        xml.WriteAttributeString("classname", c.ClassName);
        if (c.Skipped is { } skipped)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", XmlText.Clean(skipped));
            xml.WriteEndElement();
        }

        if (c.Failure is { } f)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", XmlText.Clean(f.Message));
            xml.WriteAttributeString("type", f.Type);
            xml.WriteString(XmlText.Clean(f.Body));
            xml.WriteEndElement();
        }

        if (c.SystemOut is { } output)
        {
            xml.WriteElementString("system-out", XmlText.Clean(output));
        }

        xml.WriteEndElement();
    }
}
