using CertInstaller.Core.Backup;
using CertInstaller.Core.Layout;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using Microsoft.Extensions.FileSystemGlobbing;
using CertInstaller.Core.Pki.Chains;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Preservation;

/// <summary>Decides, per file, whether IC issued it (an install may regenerate it) or an outside CA did (it must survive).</summary>
/// <remarks>
/// IC-issued means: the certificate descends, by verified signatures, from the folder's own self-signed Server Group
/// root. Everything else is third-party, including a Server Group certificate issued by an outside CA and the
/// trusted files that hold that CA. Keys follow the certificate of their set. Validity dates play no part: an
/// expired IC certificate is still IC's.
/// </remarks>
public sealed class FolderClassifier(PkiReader reader, RunCache? run = null)
{
    private readonly RunCache _run = run ?? new RunCache();

    /// <summary>A classifier with a reader that needs no password (.bin keys are never encrypted by IC).</summary>
    public FolderClassifier() : this(new PkiReader()) { }

    /// <summary>A classifier (reader without password) that shares parsed files and verified signatures with the other
    /// steps of <paramref name="run"/>.</summary>
    public FolderClassifier(RunCache run) : this(new PkiReader(), run) { }

    /// <summary>How many files are read and parsed at once (default: one per core; 1 reads them one by one).</summary>
    public int Parallelism { get; init; } = IO.ReadParallelism.Default;

    /// <summary>SHA-256 of each certificate-carrying file the last <see cref="Classify"/> read, by relative path (the bytes its
    /// verdict is about; the rest of the same operation compares against these rather than hash the file again).</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; private set; } = new Dictionary<string, string>();

    /// <summary>Classifies every file of <paramref name="layout"/>; <paramref name="preservePatterns"/> (globs) force third-party.</summary>
    public IReadOnlyDictionary<string, FileClassification> Classify(FolderLayout layout, IReadOnlyList<string> preservePatterns)
    {
        var certificates = new Dictionary<string, IReadOnlyList<X509Certificate>>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        // Read and parse on every core; the results are then taken in path order, so the verdicts are those of a
        // sequential read.
        var carriers = layout.Entries.Where(IsCertificateCarrier).ToList();
        (LayoutEntry Entry, HashedRead Read) ReadOne(LayoutEntry entry) =>
            (entry, _run.Files.Read(reader, new SourceFile(layout.FullPath(entry.RelativePath), entry.RelativePath)));
        var reads = Parallelism <= 1
            ? carriers.Select(ReadOne).ToList()
            : carriers.AsParallel().AsOrdered().WithDegreeOfParallelism(Parallelism).Select(ReadOne).ToList();
        foreach (var (entry, hashed) in reads)
        {
            var read = hashed.Result;
            if (hashed.Sha256 is { } sha) hashes[entry.RelativePath] = sha;
            var certs = read.Objects.OfType<CertificateObject>().Select(o => o.Certificate).ToList();
            if (read.Error is { } error) unreadable[entry.RelativePath] = error.Problem;
            else if (read.Objects.Any(o => o is PrivateKeyObject or PublicKeyObject)) keys.Add(entry.RelativePath);
            else if (certs.Count > 0) certificates[entry.RelativePath] = certs;
        }

        Hashes = hashes;
        var chains = new ChainBuilder(_run.Signatures);
        var root = OwnRoot(layout, certificates, chains.Signatures);
        var pool = new CertificatePool(certificates.Values.SelectMany(c => c));
        var lineage = new Lineage(root, pool, chains);
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        foreach (var p in preservePatterns) matcher.AddInclude(p.Replace('\\', '/'));

        var result = new Dictionary<string, FileClassification>(StringComparer.Ordinal);
        foreach (var entry in layout.Entries)
        {
            if (preservePatterns.Count > 0 && matcher.Match(entry.RelativePath).HasMatches)
            {
                result[entry.RelativePath] = new(FileOrigin.ThirdParty, "matches a preserve pattern");
                continue;
            }
            result[entry.RelativePath] = entry switch
            {
                { Role: CertificateRole.CsrWorkArea } => new(FileOrigin.ThirdParty, "in the CSRs work area of third-party requests"),
                { Role: CertificateRole.MapFile } => new(FileOrigin.Other, "the certificate map; IC rewrites it"),
                { Role: CertificateRole.LeftoverBackup } => new(FileOrigin.Other, "a leftover copy"),
                _ when certificates.TryGetValue(entry.RelativePath, out var certs) => lineage.Judge(certs),
                _ when unreadable.TryGetValue(entry.RelativePath, out var problem) => new(FileOrigin.Other, $"not readable as a certificate: {problem}"),
                { Part: FilePart.PrivateKey or FilePart.PublicKey } => default,
                _ when keys.Contains(entry.RelativePath) => default,
                _ => new(FileOrigin.Other, "not a certificate or key of a recognised set"),
            };
        }

        // Keys (and HTTPS-style cert/key pairs by stem) take the origin of their certificate.
        var owners = KeyOwners(layout);
        foreach (var entry in layout.Entries.Where(e => result[e.RelativePath] == default))
        {
            result[entry.RelativePath] = owners.TryGetValue(entry.RelativePath, out var certificate) && result.TryGetValue(certificate, out var c) && c != default
                ? new(c.Origin, $"key of {certificate}")
                : new(FileOrigin.ThirdParty, "a key with no certificate next to it: kept as third-party so it is never lost");
        }
        return result;
    }

    /// <summary>Each key file of <paramref name="layout"/> and the certificate it belongs to (its set, or the same file stem).</summary>
    public static IReadOnlyDictionary<string, string> KeyOwners(FolderLayout layout)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in layout.Sets.Where(s => s.Certificate is not null))
        {
            if (set.PrivateKey is not null) owners[set.PrivateKey] = set.Certificate!;
            if (set.PublicKey is not null) owners[set.PublicKey] = set.Certificate!;
        }
        var certificates = layout.Entries
            .Where(e => Path.GetExtension(e.RelativePath).ToLowerInvariant() is ".cer" or ".crt" or ".pem" or ".der")
            .Select(e => e.RelativePath).ToList();
        foreach (var key in layout.Entries.Where(e => Path.GetExtension(e.RelativePath).ToLowerInvariant() is ".key" or ".bin"))
            if (!owners.ContainsKey(key.RelativePath) && SameStemCertificate(key.RelativePath, certificates) is { } owner)
                owners[key.RelativePath] = owner;
        return owners;
    }

    private static bool IsCertificateCarrier(LayoutEntry e) =>
        e.Role is not (CertificateRole.MapFile or CertificateRole.LeftoverBackup or CertificateRole.CsrWorkArea)
        && e.Part is FilePart.Certificate or FilePart.Trusted or FilePart.Other;

    private static X509Certificate? OwnRoot(FolderLayout layout, IReadOnlyDictionary<string, IReadOnlyList<X509Certificate>> certificates, SignatureCache signatures)
    {
        var set = layout.Sets.FirstOrDefault(s => s.Role == CertificateRole.ServerGroup && s.Certificate is not null);
        if (set is null || !certificates.TryGetValue(set.Certificate!, out var certs)) return null;
        var candidate = certs[0];
        return signatures.IsSelfSigned(candidate) ? candidate : null;
    }

    private static string? SameStemCertificate(string keyPath, IEnumerable<string> certificatePaths)
    {
        var stem = keyPath.Substring(0, keyPath.Length - Path.GetExtension(keyPath).Length);
        return certificatePaths.FirstOrDefault(c => c.Substring(0, c.Length - Path.GetExtension(c).Length).Equals(stem, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Answers "does this certificate descend from the root?" through the chain builder: verified signatures
    /// only, because an expired or badly constrained IC certificate is still IC's.</summary>
    private sealed class Lineage(X509Certificate? root, CertificatePool pool, IChainBuilder chains)
    {
        private readonly CertificatePool _anchors = root is null ? new CertificatePool() : new CertificatePool([root]);

        public FileClassification Judge(IReadOnlyList<X509Certificate> certs)
        {
            if (root is null)
                return new(FileOrigin.ThirdParty, "the Server Group certificate is not a self-signed IC root, so nothing here is IC-issued");
            var foreign = certs.FirstOrDefault(c => !Descends(c));
            return foreign is null
                ? new(FileOrigin.IcIssued, "chains to the folder's own self-signed Server Group root")
                : new(FileOrigin.ThirdParty, $"{foreign.SubjectDN} does not chain to the folder's Server Group root (issuer {foreign.IssuerDN})");
        }

        private bool Descends(X509Certificate cert)
        {
            // Who issued a file is no digest question: a SHA-1 legacy folder classifies as a SHA-256 one.
            var result = chains.Build(new ChainRequest(cert, pool, _anchors, new DateTimeOffset(cert.NotBefore.ToUniversalTime(), TimeSpan.Zero)) { MinDigest = Pki.DigestAlgorithm.Sha1 });
            return result.Anchor is not null && result.Problems.All(p => p.Code != ChainProblemCode.BadSignature);
        }
    }
}
