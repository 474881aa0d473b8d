using System.Text.RegularExpressions;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Layout;

/// <summary>Recognises an IC certificates folder by pattern: names vary in the field, so no one spelling is assumed.
/// It lists and reads through the file-system port (<see cref="IFileSystem"/>), so fault-injection tests reach it.</summary>
public sealed class LayoutScanner
{
    private static readonly RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // <server>_<UseType><Part>.<ext>; the server is everything before the last underscore.
    private static readonly Regex TripleName = new(
        @"^(?:(?<server>.+)_)?(?<use>[A-Za-z0-9]*?)(?<part>TrustedCertificate|Certificate|PrivateKey|PublicKey)\.(?<ext>cer|crt|pem|der|bin|key)$",
        Options);
    private static readonly Regex MapName = new(@"^(?<server>.+)_ININ_Certificates\.xml$", Options);
    private static readonly Regex Leftover = new(@"\.(cer|crt|bin|pem|key|xml)\.\d+$|\.(backup|bak|old|orig)$", Options);
    private static readonly Regex LocalSubsystems = new(@"^Local_?Subsystems?$", Options);
    private static readonly Regex RemoteSubsystems = new(@"^Remote_?Subsystems?$", Options);
    private static readonly Regex RemoteClients = new(@"^Remote_?Clients?$", Options);
    private static readonly Regex CaFolder = new(@"CertificateAuthority$", Options);
    private static readonly Regex CsrFolder = new(@"^CSRs?$", Options);

    private readonly IFileSystem _fileSystem;
    private readonly MapFileReader _maps;

    /// <summary>A scanner over the real file system.</summary>
    public LayoutScanner() : this(new PhysicalFileSystem()) { }

    /// <summary>A scanner that lists and reads through <paramref name="fileSystem"/>.</summary>
    public LayoutScanner(IFileSystem fileSystem)
    {
        _fileSystem = fileSystem;
        _maps = new MapFileReader(fileSystem);
    }

    /// <summary>Scans <paramref name="root"/>; never follows a link, never leaves the folder.</summary>
    public FolderLayout Scan(string root)
    {
        var full = Path.GetFullPath(root);
        if (!IsDirectory(full))
            return new FolderLayout(full, FolderKind.Missing, null, [], [], [], []);

        // The root is the path the admin gave; below it nothing is followed (links are reported, not read).
        var tree = FolderTree.Walk(_fileSystem, full, tolerant: true);
        var files = tree.Files.Select(f => f.RelativePath).ToList();
        var skipped = tree.Links.Select(l => new SkippedPath(l, "a link (symbolic link or junction) is never followed"))
            .Concat(tree.Unlistable.Select(u => new SkippedPath(u.RelativePath, $"cannot list the folder: {u.Reason}") { Kind = FileSystemEntryKind.Directory }))
            .Concat(tree.Special.Select(s => new SkippedPath(s.RelativePath, $"{s.Kind.Describe()}, not a regular file, is never opened") { Kind = s.Kind }))
            .ToList();

        if (tree.Unlistable.Any(u => u.RelativePath.Length == 0))
            return new FolderLayout(full, FolderKind.Unreadable, null, [], [], [], skipped);

        var entries = files.Select(Classify).ToList();
        var maps = entries.Where(e => e.Role == CertificateRole.MapFile)
            .Select(e => _maps.Read(full, e.RelativePath)).ToList();
        var server = entries.Where(e => e.Role == CertificateRole.MapFile).Select(e => e.Server).FirstOrDefault()
            ?? entries.Where(e => e.Role is CertificateRole.LocalSubsystem or CertificateRole.CertificateAuthority or CertificateRole.Component && e.Server is not null)
                .GroupBy(e => e.Server!, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

        var passwords = entries.Where(e => e.Role == CertificateRole.MapFile)
            .SelectMany(e => MapPasswordReader.Read(_fileSystem, Path.Combine(full, e.RelativePath))).Distinct(StringComparer.Ordinal).ToList();
        return new FolderLayout(full, KindOf(full, entries), server, entries, Pair(entries), maps, skipped) { MapPasswords = passwords };
    }

    // The root may be a link an administrator made (D:\I3\IC\Certificates -> E:\Certs): followed, as Directory.Exists did.
    private bool IsDirectory(string full) => _fileSystem.GetEntry(full) switch
    {
        { Kind: FileSystemEntryKind.Directory } => true,
        { Kind: FileSystemEntryKind.Link } => _fileSystem.GetEntry(_fileSystem.ResolveLinks(full)) is { Kind: FileSystemEntryKind.Directory },
        _ => false,
    };

    /// <summary>Recognises one relative path.</summary>
    public static LayoutEntry Classify(string relativePath)
    {
        var segments = relativePath.Split('/');
        var name = segments[^1];
        var dirs = segments.Take(segments.Length - 1).ToArray();

        if (Leftover.IsMatch(name))
            return new LayoutEntry(relativePath, CertificateRole.LeftoverBackup, FilePart.Other, null, null, null);
        if (dirs.Length == 0 && MapName.Match(name) is { Success: true } map)
            return new LayoutEntry(relativePath, CertificateRole.MapFile, FilePart.Other, map.Groups["server"].Value, null, null);

        var (part, server, use) = NameParts(name);
        string? peer = null;
        var role = CertificateRole.Unknown;
        if (dirs.Length == 0)
            role = part == FilePart.Other ? CertificateRole.Unknown : CertificateRole.Component;
        else if (dirs[0].Equals("ServerGroup", StringComparison.OrdinalIgnoreCase))
            role = CertificateRole.ServerGroup;
        else if (CaFolder.IsMatch(dirs[0]))
            role = CertificateRole.CertificateAuthority;
        else if (dirs[0].Equals("HTTPS", StringComparison.OrdinalIgnoreCase))
            role = CertificateRole.Https;
        else if (CsrFolder.IsMatch(dirs[0]))
            role = CertificateRole.CsrWorkArea;
        else if (dirs[0].Equals("Client", StringComparison.OrdinalIgnoreCase) && dirs.Length >= 2)
        {
            if (LocalSubsystems.IsMatch(dirs[1])) role = CertificateRole.LocalSubsystem;
            else if (RemoteSubsystems.IsMatch(dirs[1])) (role, peer) = (CertificateRole.RemoteSubsystem, dirs.Length > 2 ? dirs[2] : null);
            else if (RemoteClients.IsMatch(dirs[1])) (role, peer) = (CertificateRole.RemoteClient, dirs.Length > 2 ? dirs[2] : null);
        }

        // Line (SIP) certificates are recognised by use type wherever they sit: they are per server.
        if (use is not null && use.StartsWith("Line", StringComparison.OrdinalIgnoreCase) && role != CertificateRole.CsrWorkArea)
            role = CertificateRole.Line;
        if (role == CertificateRole.CsrWorkArea)
        {
            var ext = Path.GetExtension(name).ToLowerInvariant();
            if (ext is ".csr" or ".req") part = FilePart.Request;
            else if (ext is ".pfx" or ".p12") part = FilePart.Pkcs12;
        }
        return new LayoutEntry(relativePath, role, part, server, use, peer);
    }

    private static (FilePart Part, string? Server, string? Use) NameParts(string name)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (ext is ".pfx" or ".p12") return (FilePart.Pkcs12, null, null);
        if (ext is ".csr" or ".req") return (FilePart.Request, null, null);
        var m = TripleName.Match(name);
        if (!m.Success) return (FilePart.Other, null, null);
        var server = m.Groups["server"].Success ? m.Groups["server"].Value : null;
        var use = m.Groups["use"].Value;
        var part = m.Groups["part"].Value.ToLowerInvariant() switch
        {
            "trustedcertificate" => FilePart.Trusted,
            "privatekey" => FilePart.PrivateKey,
            "publickey" => FilePart.PublicKey,
            _ => FilePart.Certificate,
        };
        if (part == FilePart.Trusted) use = use.Length == 0 ? "Trusted" : use + "Trusted";
        return (part, server, use.Length == 0 ? null : use);
    }

    // A folder is a certificates folder only when it holds at least one live set: a certificate, key or trusted file
    // where IC keeps them (ServerGroup\, the IC CA, Client\...), or a flat component folder's certificate next to its
    // trusted file. A map file, CSRs, PKCS#12 files or stray certificates alone make no certificates folder: a CSR
    // work area, an openssl CA folder (index.txt, serial, ca.key) or a download folder is CI1007, never "valid".
    private static FolderKind KindOf(string root, IReadOnlyList<LayoutEntry> entries)
    {
        if (entries.Count == 0) return FolderKind.Empty;
        if (CsrFolder.IsMatch(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))))
            return FolderKind.Unrecognised;
        static bool LivePart(LayoutEntry e) => e.Part is FilePart.Certificate or FilePart.PrivateKey or FilePart.PublicKey or FilePart.Trusted;
        if (entries.Any(e => LivePart(e) && e.Role is CertificateRole.ServerGroup or CertificateRole.CertificateAuthority
                or CertificateRole.LocalSubsystem or CertificateRole.RemoteSubsystem or CertificateRole.RemoteClient))
            return FolderKind.IcServer;
        if (entries.Any(e => e.Role == CertificateRole.Component && e.Part == FilePart.Certificate)
            && entries.Any(e => e.Role == CertificateRole.Component && e.Part == FilePart.Trusted))
            return FolderKind.OffServerComponent;
        return FolderKind.Unrecognised;
    }

    private static List<CertificateSet> Pair(IReadOnlyList<LayoutEntry> entries)
    {
        static string DirOf(string rel) => rel.Contains('/') ? rel.Substring(0, rel.LastIndexOf('/')) : "";
        var trusted = entries.Where(e => e.Part == FilePart.Trusted).ToList();
        return entries
            .Where(e => e.Part is FilePart.Certificate or FilePart.PrivateKey or FilePart.PublicKey && e.UseType is not null
                        && e.Role != CertificateRole.LeftoverBackup)
            .GroupBy(e => (Dir: DirOf(e.RelativePath).ToLowerInvariant(), Server: e.Server?.ToLowerInvariant(), Use: e.UseType!.ToLowerInvariant()))
            .Select(g =>
            {
                var first = g.First();
                var dir = DirOf(first.RelativePath);
                var trust = trusted.FirstOrDefault(t => DirOf(t.RelativePath).Equals(dir, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(t.Server, first.Server, StringComparison.OrdinalIgnoreCase));
                return new CertificateSet(dir, first.Server, first.UseType!, first.Role,
                    g.FirstOrDefault(e => e.Part == FilePart.Certificate)?.RelativePath,
                    g.FirstOrDefault(e => e.Part == FilePart.PrivateKey)?.RelativePath,
                    g.FirstOrDefault(e => e.Part == FilePart.PublicKey)?.RelativePath,
                    trust?.RelativePath);
            })
            .OrderBy(s => s.Directory, StringComparer.Ordinal).ThenBy(s => s.UseType, StringComparer.Ordinal)
            .ToList();
    }
}
