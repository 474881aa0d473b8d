using System.Xml;

namespace CertInstaller.Core.Layout;

/// <summary>Reads the passwords a certificate map gives for its encrypted files: the text of every &lt;Password&gt;
/// element and every Password attribute, opened as <see cref="MapXml"/> says, like <see cref="MapFileReader"/>.</summary>
/// <remarks>Kept apart from the path reading so a password never ends up in a finding or a log line.</remarks>
public static class MapPasswordReader
{
    /// <summary>The passwords of the map at <paramref name="fullPath"/>; none when the map is unreadable or unsafe
    /// (<see cref="MapFileReader"/> reports that).</summary>
    public static IReadOnlyList<string> Read(string fullPath) => Read(new IO.PhysicalFileSystem(), fullPath);

    /// <summary>The passwords of the map at <paramref name="fullPath"/>, read through <paramref name="fileSystem"/>; none
    /// when the map is unreadable or unsafe (<see cref="MapFileReader"/> reports that).</summary>
    public static IReadOnlyList<string> Read(IO.IFileSystem fileSystem, string fullPath)
    {
        var passwords = new List<string>();
        try
        {
            if (MapXml.TooLarge(fileSystem, fullPath)) return [];
            using var reader = MapXml.Open(fileSystem, fullPath);
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
            return passwords; // the passwords read before the map went bad; MapFileReader reports the problem
        }
        return passwords;
    }
}
