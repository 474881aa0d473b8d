using System.Text.RegularExpressions;
using System.Xml;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Layout;

/// <summary>Reads the IC certificate map safely (no DTDs, no external entities, bounded size) and re-bases its paths;
/// every read goes through the file-system port, so a failing read is a map problem naming the map.</summary>
public sealed class MapFileReader(IFileSystem fileSystem)
{
    /// <summary>A reader over the real file system.</summary>
    public MapFileReader() : this(new PhysicalFileSystem()) { }

    // A value is taken for a path when it is rooted (drive, UNC, '/') or names a certificate-like file.
    private static readonly Regex PathLike = new(
        @"^([A-Za-z]:[\\/]|\\\\|/)|\.(cer|crt|pem|der|bin|key|pfx|p12|csr|p7b)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Reads the map at <paramref name="relativePath"/> under <paramref name="root"/>.</summary>
    public CertificateMap Read(string root, string relativePath)
    {
        var full = Path.Combine(root, relativePath);
        var values = new List<(string Name, string Value)>();
        try
        {
            if (MapXml.TooLarge(fileSystem, full))
                return new CertificateMap(relativePath, [], $"the map is larger than {MapXml.MaxBytes / 1024 / 1024} MiB");
            using var reader = MapXml.Open(fileSystem, full);
            var stack = new Stack<string>();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var name = reader.LocalName;
                        var empty = reader.IsEmptyElement;
                        if (reader.HasAttributes)
                        {
                            while (reader.MoveToNextAttribute())
                                values.Add(($"{name}/@{reader.LocalName}", reader.Value));
                            reader.MoveToElement();
                        }
                        if (!empty) stack.Push(name);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        values.Add((stack.Count > 0 ? stack.Peek() : "", reader.Value));
                        break;
                    case XmlNodeType.EndElement:
                        if (stack.Count > 0) stack.Pop();
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            // XmlException quotes the offending text, which in a crafted 4 MB map is megabytes long: keep the position, cut the rest.
            return new CertificateMap(relativePath, [], $"the map is not safe, well-formed XML (line {e.LineNumber}, position {e.LinePosition}: {Bounded(e.Message)})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CertificateMap(relativePath, [], $"the map cannot be read ({Bounded(e.Message)})");
        }

        var paths = values
            .Select(v => (v.Name, Value: v.Value.Trim()))
            .Where(v => v.Value.Length > 0 && PathLike.IsMatch(v.Value))
            .ToList();
        var originalRoot = GuessOriginalRoot(paths.Select(p => p.Value), Path.GetFileName(Path.GetFullPath(root).TrimEnd('/', '\\')));
        var entries = paths.Select(p => Rebase(root, originalRoot, p.Name, p.Value)).ToList();
        return new CertificateMap(relativePath, entries, null);
    }

    /// <summary>The longest detail a map error quotes.</summary>
    internal const int MaxDetail = 200;

    /// <summary><paramref name="detail"/> on one line, at most <see cref="MaxDetail"/> characters, control characters escaped.</summary>
    private static string Bounded(string detail)
    {
        var line = Text.Printable.Escape(detail.Split('\n')[0].Trim());
        return line.Length <= MaxDetail ? line : line.Substring(0, MaxDetail) + $"... ({line.Length - MaxDetail} more characters)";
    }

    /// <summary>The folder the map was written in: the most common prefix that ends in the scanned folder's
    /// name or in "Certificates", so a folder copied elsewhere or renamed still maps.</summary>
    private static string[]? GuessOriginalRoot(IEnumerable<string> paths, string scannedName)
    {
        var candidates = new Dictionary<string, (string[] Segments, int Count)>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            var segments = Segments(path);
            if (segments is null) continue;
            for (var i = segments.Length - 2; i >= 0; i--)
            {
                if (!segments[i].Equals(scannedName, StringComparison.OrdinalIgnoreCase) &&
                    !segments[i].Equals("Certificates", StringComparison.OrdinalIgnoreCase)) continue;
                var prefix = segments.Take(i + 1).ToArray();
                var key = string.Join("\\", prefix);
                candidates[key] = candidates.TryGetValue(key, out var c) ? (prefix, c.Count + 1) : (prefix, 1);
                break;
            }
        }
        return candidates.Count == 0 ? null : candidates.Values.OrderByDescending(c => c.Count).First().Segments;
    }

    private MapEntry Rebase(string root, string[]? originalRoot, string name, string value)
    {
        var segments = Segments(value);
        string[]? relative;
        if (segments is null)
        {
            relative = Normalise(value.Split('\\', '/'));
        }
        else if (originalRoot is not null && segments.Length > originalRoot.Length &&
                 originalRoot.Select((s, i) => s.Equals(segments[i], StringComparison.OrdinalIgnoreCase)).All(x => x))
        {
            relative = Normalise(segments.Skip(originalRoot.Length));
        }
        else
        {
            relative = null;
        }

        if (relative is null || relative.Length == 0)
            return new MapEntry(name, value, null, MapEntryStatus.OutsideFolder);
        var rel = string.Join("/", relative);
        var exists = fileSystem.GetEntry(Path.Combine(root, Path.Combine(relative))) is { Kind: not FileSystemEntryKind.Directory };
        return new MapEntry(name, value, rel, exists ? MapEntryStatus.Present : MapEntryStatus.Missing);
    }

    /// <summary>Segments of a rooted path (drive, UNC or '/'), '..' left in place; null when not rooted.</summary>
    private static string[]? Segments(string path)
    {
        var rooted = Regex.IsMatch(path, @"^([A-Za-z]:[\\/]|\\\\|/)");
        return rooted ? path.Split(['\\', '/'], StringSplitOptions.RemoveEmptyEntries) : null;
    }

    /// <summary>Resolves '.' and '..'; null when the path climbs above its start.</summary>
    private static string[]? Normalise(IEnumerable<string> segments)
    {
        var result = new List<string>();
        foreach (var s in segments)
        {
            if (s.Length == 0 || s == ".") continue;
            if (s == "..")
            {
                if (result.Count == 0) return null;
                result.RemoveAt(result.Count - 1);
                continue;
            }
            // A drive, stream or character Windows forbids in a name never names a file inside the folder.
            if (s.Contains(':') || s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || s.IndexOfAny(['<', '>', '|', '"', '?', '*']) >= 0) return null;
            result.Add(s);
        }
        return result.ToArray();
    }
}
