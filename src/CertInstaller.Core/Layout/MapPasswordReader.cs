using System.Xml;

namespace CertInstaller.Core.Layout;

/// <summary>Reads the passwords a certificate map gives for its encrypted files: the text of every &lt;Password&gt;
/// element and every Password attribute, with DTDs prohibited and the size bounded (as <see cref="MapFileReader"/>).</summary>
/// <remarks>Kept apart from the path reading so a password never ends up in a finding or a log line.</remarks>
public static class MapPasswordReader
{
    private const long MaxMapBytes = 4 * 1024 * 1024;

    /// <summary>The passwords of the map at <paramref name="fullPath"/>; none when the map is unreadable or unsafe
    /// (<see cref="MapFileReader"/> reports that).</summary>
    public static IReadOnlyList<string> Read(string fullPath)
    {
        var passwords = new List<string>();
        try
        {
            if (new FileInfo(fullPath).Length > MaxMapBytes) return [];
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxMapBytes,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var stream = File.OpenRead(fullPath);
            using var reader = XmlReader.Create(stream, settings);
            var inPassword = 0;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var isPassword = reader.LocalName.Equals("Password", StringComparison.OrdinalIgnoreCase);
                        var empty = reader.IsEmptyElement;
                        if (reader.HasAttributes)
                        {
                            while (reader.MoveToNextAttribute())
                                if (reader.LocalName.Equals("Password", StringComparison.OrdinalIgnoreCase) && reader.Value.Length > 0)
                                    passwords.Add(reader.Value);
                            reader.MoveToElement();
                        }
                        if (isPassword && !empty) inPassword++;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inPassword > 0:
                        if (reader.Value.Length > 0) passwords.Add(reader.Value);
                        break;
                    case XmlNodeType.EndElement when inPassword > 0 && reader.LocalName.Equals("Password", StringComparison.OrdinalIgnoreCase):
                        inPassword--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return passwords.Count == 0 ? [] : passwords;
        }
        return passwords;
    }
}
