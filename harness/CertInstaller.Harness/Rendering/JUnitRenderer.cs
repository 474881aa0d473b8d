using System.Globalization;
using System.Text;
using System.Xml;
using static CertInstaller.Core.Text.Printable;

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
        // Into UTF-8 bytes first: an XmlWriter over a TextWriter declares the writer's encoding (UTF-16 for a
        // StringWriter), and the file a pipeline publishes is UTF-8 whatever stdout is.
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
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
            xml.WriteAttributeString("name", Escape(suite.Name));
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

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void WriteCase(XmlWriter xml, JUnitCase c)
    {
        // Values from files go through Printable.Escape: a control character in a crafted name is not valid XML.
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Escape(c.Name));
        xml.WriteAttributeString("classname", c.ClassName);
        if (c.Skipped is { } skipped)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", Escape(skipped));
            xml.WriteEndElement();
        }

        if (c.Failure is { } f)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Escape(f.Message));
            xml.WriteAttributeString("type", f.Type);
            xml.WriteString(Escape(f.Body));
            xml.WriteEndElement();
        }

        if (c.SystemOut is { } output)
        {
            xml.WriteElementString("system-out", Escape(output));
        }

        xml.WriteEndElement();
    }
}
