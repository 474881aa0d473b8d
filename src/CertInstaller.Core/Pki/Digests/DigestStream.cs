using System.Collections.Concurrent;
using CertInstaller.Core.IO;
using CertInstaller.Core.Pki.Chains;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Digests;

/// <summary>How a streamed digest scan verifies chains: against the whole folder as pool, with these anchors (empty: the
/// folder's self-signed certificates), at this time, with this builder (its signature cache is shared by every check).</summary>
/// <param name="Anchors">Trust anchors; empty for the folder's own self-signed certificates.</param>
/// <param name="At">The verification time.</param>
/// <param name="Builder">The chain builder.</param>
/// <param name="MinDigest">The weakest signature digest a link may use (the digest report judges digests itself).</param>
public sealed record ChainScanOptions(CertificatePool Anchors, DateTimeOffset At, IChainBuilder Builder, DigestAlgorithm MinDigest = DigestAlgorithm.Sha1);

/// <summary>
/// The signature digests (and, with <see cref="ChainScanOptions"/>, the chains) of every certificate and CSR under a folder,
/// handed out one signed object at a time in path order, in memory that does not grow with the number of leaves.
/// </summary>
/// <remarks>
/// With chains, <see cref="Prepare"/> reads every file once and keeps only the certificates that can sit above another in
/// a path (the issuer pool: every certificate <see cref="FolderChainVerifier.VerifyAll"/>'s search could look up, in the
/// same order, so the verdicts and paths are VerifyAll's), and <see cref="Run{T}"/> reads each other file again, classifies
/// and verifies its objects and drops them once the caller has its projection: a 20,000-leaf folder holds a window of
/// 64 leaves at a time (<see cref="OrderedWork{T}"/>), not 20,000. A pool file is not read again (its parse is kept with the pool), so every pool
/// certificate is the object the path search uses. The reader's limits and the chain builder's bounds apply unchanged.
/// Without chains there is one read; the entries (no certificate objects) are kept until <see cref="Run{T}"/>.
/// </remarks>
public sealed class DigestStream
{
    // Files classified and verified ahead of the one being handed out, at most: enough that the workers never wait for
    // the caller's writing, few enough that the parsed leaves and chain results held stay within a few megabytes.
    private const int Window = 64;

    // Files between two full collections, in both passes: each gen0 collection promotes what the reads in flight hold at
    // that instant, and left alone the collector lets that garbage pile up in the older generations for hundreds of
    // collections (bench: 11 MB more committed heap at 20,000 leaves than at 2,000, with 0.7 MB live). A full collection
    // of a heap this small takes about a millisecond; one per 1,024 files is about 1% of the scan's time.
    private const int FilesPerCollection = 1024;

    private readonly string _root;
    private readonly string[] _files;
    private readonly IReadOnlyList<(SourceFile File, ReadError Error)> _notOpened;
    private readonly DigestPolicy _policy;
    private readonly PkiReader _reader;
    private readonly ChainScanOptions? _chains;
    private readonly Dictionary<int, ReadResult> _kept;
    private readonly Dictionary<int, (IReadOnlyList<DigestEntry> Entries, ReadError? Error)> _entries;
    private readonly CertificatePool _pool;
    private readonly CertificatePool _trust;

    private DigestStream(
        string root, string[] files, IReadOnlyList<(SourceFile, ReadError)> notOpened, DigestPolicy policy, PkiReader reader,
        ChainScanOptions? chains, Dictionary<int, ReadResult> kept, Dictionary<int, (IReadOnlyList<DigestEntry>, ReadError?)> entries,
        CertificatePool pool, CertificatePool trust, int longestPath)
    {
        (_root, _files, _notOpened, _policy, _reader, _chains) = (root, files, notOpened, policy, reader, chains);
        (_kept, _entries, _pool, _trust, LongestPath) = (kept, entries, pool, trust, longestPath);
    }

    /// <summary>The length of the longest relative path of a file that holds a signed object (0 when none does).</summary>
    public int LongestPath { get; }

    /// <summary>How many certificates the issuer pool holds (0 without chains).</summary>
    public int PoolSize => _pool.Certificates.Count;

    /// <summary>
    /// Walks <paramref name="directory"/> (links, FIFOs and devices are never opened) and reads every file once: with
    /// <paramref name="chains"/>, for the issuer pool; without, for the entries.
    /// </summary>
    /// <param name="directory">The folder to scan.</param>
    /// <param name="policy">The digest policy entries are judged by.</param>
    /// <param name="reader">The reader of every file.</param>
    /// <param name="chains">How to verify chains; null for digests only.</param>
    /// <param name="progress">Told after each file read (from the reading threads, so it must be thread-safe).</param>
    public static DigestStream Prepare(string directory, DigestPolicy policy, PkiReader reader, ChainScanOptions? chains, IProgress<WorkProgress>? progress = null)
    {
        var root = Path.GetFullPath(directory);
        var tree = FolderTree.Walk(new PhysicalFileSystem(), root, tolerant: false);
        // Relative paths only: the full path is the root joined with it, made again when the file is read.
        var files = tree.Files.Select(f => f.RelativePath).ToArray();
        var notOpened = tree.Links.Select(l => (l, FileSystemEntryKind.Link))
            .Concat(tree.Special)
            .Select(s => (File: new SourceFile(Path.Combine(root, s.Item1), s.Item1), s.Item2))
            .Select(s => (s.File, PkiReader.NotRegular(s.File.FullPath, s.Item2)))
            .ToList();
        tree = null;
        // The listing (a FileSystemEntry and two paths per file) is garbage now, and old enough to sit in gen1 or gen2,
        // where the collector would carry it through the whole scan: the scan's peak memory would grow with the folder.
        GC.Collect();

        var longest = 0;
        var done = 0;
        var glanced = new bool[chains is null ? 0 : files.Length];
        var gate = new object();
        var kept = new ConcurrentDictionary<int, ReadResult>();
        var issuers = new ConcurrentDictionary<long, byte>();
        var candidates = new ConcurrentBag<(int File, int Index, X509Certificate Certificate)>();
        var others = new ConcurrentBag<(int File, long SubjectHash)>();
        var entries = new ConcurrentDictionary<int, (IReadOnlyList<DigestEntry>, ReadError?)>();
        using var glance = new LeafGlance();
        for (var start = 0; start < files.Length; start += FilesPerCollection)
        {
            if (start > 0)
            {
                GC.Collect();
            }

            Enumerable.Range(start, Math.Min(FilesPerCollection, files.Length - start)).AsParallel().WithDegreeOfParallelism(ReadParallelism.Default).ForAll(First);
        }

        void First(int i)
        {
            var file = Source(root, files[i]);
            ReadResult result;
            if (chains is null)
            {
                result = reader.ReadFile(file);
            }
            else if (reader.ReadBytes(file.FullPath, followLinks: false, out var data) is { } readError)
            {
                result = ReadResult.Failure(readError);
            }
            else if (glance.TryRead(data!, out var issuerHash, out var subjectHash))
            {
                // A plain leaf: its names are all the pool needs; its path counts for the width once a full read proves it.
                Report();
                issuers.TryAdd(issuerHash, 0);
                others.Add((i, subjectHash));
                glanced[i] = true;
                return;
            }
            else
            {
                result = reader.Read(file.FullPath, data!);
            }

            Report();
            if (chains is null)
            {
                entries[i] = result.Error is { } error
                    ? ([], error)
                    : (DigestScanner.ClassifyFile(file, result, policy).Select(e => e with { Certificate = null }).ToList(), null);
            }

            if (!result.Ok)
            {
                return; // with chains, Run reads it again and reports the error
            }

            var certificates = CertificateSource.CertificatesOf(result).ToList();
            if (certificates.Count > 0 || result.Objects.Any(o => o is CsrObject))
            {
                InterlockedMax(ref longest, file.RelativePath.Length);
            }

            if (chains is null)
            {
                return;
            }

            for (var j = 0; j < certificates.Count; j++)
            {
                var certificate = certificates[j];
                issuers.TryAdd(NameHash(certificate.IssuerDN), 0);
                if (MayIssue(certificate))
                {
                    candidates.Add((i, j, certificate));
                    kept[i] = result;
                }
                else
                {
                    others.Add((i, NameHash(certificate.SubjectDN)));
                }
            }
        }

        if (chains is null)
        {
            return new DigestStream(root, files, notOpened, policy, reader, null, [], new Dictionary<int, (IReadOnlyList<DigestEntry>, ReadError?)>(entries),
                new CertificatePool(), new CertificatePool(), longest);
        }

        // The longest path of a file that holds a signed object sets the text's column width, and a glanced leaf is not
        // proven readable: the longest glanced files are read fully, longest first, until one reads (normally the first
        // one read). Scans of the flags, not a sorted copy of every glanced file: memory stays flat in the folder's size.
        for (var limit = int.MaxValue; ;)
        {
            var length = 0;
            for (var g = 0; g < glanced.Length; g++)
            {
                if (glanced[g] && files[g].Length > Math.Max(longest, length) && files[g].Length < limit)
                {
                    length = files[g].Length;
                }
            }

            if (length == 0 || ReadsAny(length))
            {
                break;
            }

            limit = length;
        }

        bool ReadsAny(int length)
        {
            for (var g = 0; g < glanced.Length; g++)
            {
                if (glanced[g] && files[g].Length == length)
                {
                    var result = reader.ReadFile(Source(root, files[g]));
                    if (result.Ok && (CertificateSource.CertificatesOf(result).Any() || result.Objects.Any(o => o is CsrObject)))
                    {
                        longest = length;
                        return true;
                    }
                }
            }

            return false;
        }

        // The pool holds every certificate that can issue (a CA, a self-issued one) and any other whose subject some
        // certificate names as issuer (a crafted or broken folder: its file is read again now rather than every leaf kept
        // in case). That is VerifyAll's pool plus, at most, certificates whose subject no certificate names as issuer:
        // the path search looks issuers up by name only, so it never reaches those, and the verdicts are the same.
        var members = candidates.ToList();
        foreach (var late in others.Where(o => issuers.ContainsKey(o.SubjectHash)).Select(o => o.File).Distinct())
        {
            var result = kept.TryGetValue(late, out var known) ? known : reader.ReadFile(Source(root, files[late]));
            var certificates = CertificateSource.CertificatesOf(result).ToList();
            for (var j = 0; j < certificates.Count; j++)
            {
                if (!MayIssue(certificates[j]) && issuers.ContainsKey(NameHash(certificates[j].SubjectDN)))
                {
                    members.Add((late, j, certificates[j]));
                    kept[late] = result;
                }
            }
        }

        // File and position order, as VerifyAll's pool: same-subject candidates are tried in the same order, duplicates keep the first.
        var ordered = members.OrderBy(m => m.File).ThenBy(m => m.Index).Select(m => m.Certificate).ToList();
        var inPool = new HashSet<int>(members.Select(m => m.File));
        var pool = new CertificatePool(ordered);
        var trust = chains.Anchors.Certificates.Count > 0 ? chains.Anchors : new CertificatePool(ordered.Where(FolderChainVerifier.IsSelfSigned));
        var poolFiles = kept.Where(k => inPool.Contains(k.Key)).ToDictionary(k => k.Key, k => k.Value);
        return new DigestStream(root, files, notOpened, policy, reader, chains, poolFiles, [], pool, trust, longest);

        void Report()
        {
            if (progress is null) return;
            // One report at a time and in count order: the host's progress line is not written from two threads at once.
            lock (gate) progress.Report(new WorkProgress(++done, files.Length, string.Empty));
        }
    }

    /// <summary>
    /// Hands out every signed object in path order (a file's certificates, then its CSRs), each with its chain result
    /// when chains are verified, through <paramref name="project"/> (called in parallel: keep only what is needed, the
    /// result's certificates are dropped) and then <paramref name="emit"/> (called in order, on the calling thread).
    /// </summary>
    /// <returns>The files that are not readable PKI data (and the links and special files never opened), in path order.</returns>
    public IReadOnlyList<(SourceFile File, ReadError Error)> Run<T>(Func<DigestEntry, ChainResult?, T> project, Action<T> emit)
    {
        var skipped = new List<(SourceFile File, ReadError Error)>(_notOpened);
        using var work = new OrderedWork<(SourceFile File, List<T> Items, ReadError? Error)>(_files.Length, Window, ReadParallelism.Default, i => Scan(i, project));
        for (var i = 0; i < _files.Length; i++)
        {
            if (i > 0 && i % FilesPerCollection == 0)
            {
                GC.Collect();
            }

            var (file, items, error) = work.Take(i);
            if (error is not null)
            {
                skipped.Add((file, error));
                continue;
            }

            foreach (var item in items)
            {
                emit(item);
            }
        }

        return skipped.OrderBy(s => s.File.RelativePath, StringComparer.Ordinal).ToList();
    }

    private (SourceFile File, List<T> Items, ReadError? Error) Scan<T>(int index, Func<DigestEntry, ChainResult?, T> project)
    {
        var file = Source(_root, _files[index]);
        if (_chains is null)
        {
            // Without chains Prepare kept the entries (or the error) of every file.
            var (entries, readError) = _entries[index];
            return (file, entries.Select(e => project(e, null)).ToList(), readError);
        }

        var result = _kept.TryGetValue(index, out var pooled) ? pooled : _reader.ReadFile(file);
        if (result.Error is { } error)
        {
            return (file, [], error);
        }

        var chains = _chains;
        var items = DigestScanner.ClassifyFile(file, result, _policy)
            .Select(e => project(e with { Certificate = null }, e.Certificate is { } c
                ? chains.Builder.Build(new ChainRequest(c, _pool, _trust, chains.At) { MinDigest = chains.MinDigest })
                : null))
            .ToList();
        return (file, items, null);
    }

    private static SourceFile Source(string root, string relative) =>
        new(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)), relative);

    // Certificates that can sit above another in a path: CAs (basic constraints or keyCertSign) and self-issued ones.
    private static bool MayIssue(X509Certificate certificate)
    {
        try
        {
            return Chains.Rules.Certs.IsCa(certificate) || SelfIssued(certificate);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return true; // extensions that do not decode: kept, the path search judges them
        }
    }

    // Names compared as FolderChainVerifier.IsSelfSigned compares them (Equivalent, in order), not by DER as
    // Certs.IsSelfIssued does: the trust pool is the pool's IsSelfSigned certificates, so a self-signed certificate whose
    // two names differ only in encoding must reach the pool to stay its own anchor, as it was before the two passes.
    private static bool SelfIssued(X509Certificate certificate) => certificate.SubjectDN.Equivalent(certificate.IssuerDN, true);

    // A 64-bit FNV-1a hash of the name's DER, as CertificatePool keys names (by their DER) but without its per-name
    // cache entry: the first pass meets every leaf's names once, and a collision only adds a certificate nobody looks up.
    internal static long NameHash(Org.BouncyCastle.Asn1.X509.X509Name name)
    {
        var hash = unchecked((long)14695981039346656037UL);
        foreach (var b in name.GetEncoded())
        {
            hash = unchecked((hash ^ b) * 1099511628211L);
        }

        return hash;
    }

    /// <summary>Raises <paramref name="target"/> to <paramref name="value"/> when it is larger, from any thread.</summary>
    internal static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
