using System.Collections.Concurrent;
using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation;

/// <summary>Reads each file of a folder once per validation run, however many rules look at it.</summary>
/// <remarks>Encrypted keys and PKCS#12 files are tried with each password in turn (the caller's first, then the map
/// file's); the result kept is the first that opens the file, else the last failure (PasswordRequired when no
/// password was given at all, WrongPassword otherwise).
/// This cache remembers per path for one look at the folder (one validation); the parses themselves come from the run's
/// content-addressed <see cref="ParsedFileCache"/>, so a later step that finds the same bytes does not parse them again.</remarks>
public sealed class PkiFileCache
{
    private readonly ConcurrentDictionary<string, Lazy<HashedRead>> _results = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly IReadOnlyList<PkiReader> _readers;
    private readonly ParsedFileCache _parsed = new();
    private readonly IReadOnlyDictionary<string, string> _known = new Dictionary<string, string>();

    /// <summary>A cache over <paramref name="root"/> with one reader.</summary>
    public PkiFileCache(string root, PkiReader reader)
    {
        _root = root;
        _readers = [reader];
    }

    /// <summary>A cache over <paramref name="root"/> that tries <paramref name="passwords"/> in order on encrypted files.</summary>
    public PkiFileCache(string root, IReadOnlyList<string> passwords)
    {
        _root = root;
        _readers = passwords.Count == 0 ? [new PkiReader()] : passwords.Select(p => new PkiReader(p)).ToList();
    }

    /// <summary>A cache over <paramref name="root"/> that tries <paramref name="passwords"/> in order and takes its parses
    /// from <paramref name="run"/> (shared by the steps of a run); <paramref name="known"/> maps relative paths to the
    /// SHA-256 of bytes a trusted copy of them holds (a snapshot's manifest), so a path whose content the run already
    /// parsed is not opened again.</summary>
    public PkiFileCache(string root, IReadOnlyList<string> passwords, RunCache? run, IReadOnlyDictionary<string, string>? known = null)
        : this(root, passwords)
    {
        _parsed = run?.Files ?? _parsed;
        _known = known ?? _known;
    }

    /// <summary>A cache over <paramref name="root"/> with a reader that needs no password.</summary>
    public PkiFileCache(string root) : this(root, new PkiReader()) { }

    /// <summary>The read result of a relative path.</summary>
    public ReadResult Read(string relativePath) => Hashed(relativePath).Result;

    /// <summary>Reads <paramref name="relativePaths"/>, <paramref name="parallelism"/> at once (default one per core), so the
    /// rules that ask next find them read; the results are those of reading them one by one.</summary>
    public void Prefetch(IEnumerable<string> relativePaths, int parallelism = 0, IProgress<IO.WorkProgress>? progress = null)
    {
        var paths = relativePaths.Distinct(StringComparer.Ordinal).ToList();
        var degree = parallelism > 0 ? parallelism : IO.ReadParallelism.Default;
        var done = 0;
        var gate = new object();
        void Read(string path)
        {
            Hashed(path);
            if (progress is null) return;
            // One report at a time and in count order: the host's progress line is not written from two threads at once.
            lock (gate) progress.Report(new IO.WorkProgress(++done, paths.Count, IO.WorkProgress.FolderOf(path)));
        }

        if (degree == 1 || paths.Count < 2)
        {
            foreach (var path in paths) Read(path);
            return;
        }
        paths.AsParallel().WithDegreeOfParallelism(degree).ForAll(Read);
    }

    // Lazy: rules on several threads asking for the same path wait for one read.
    private HashedRead Hashed(string relativePath) =>
        _results.GetOrAdd(relativePath, p => new Lazy<HashedRead>(() => ReadWithPasswords(p))).Value;

    private HashedRead ReadWithPasswords(string relativePath)
    {
        var full = Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        HashedRead result = null!;
        foreach (var reader in _readers)
        {
            result = _known.TryGetValue(relativePath, out var sha) && _parsed.Parsed(reader, sha, full) is { } parsed
                ? new HashedRead(parsed, sha)
                : _parsed.Read(reader, full);
            if (result.Result.Error?.Code is not (ReadErrorCode.WrongPassword or ReadErrorCode.PasswordRequired)) return result;
        }
        return result;
    }

    /// <summary>The certificates in a file (none when unreadable; a PKCS#7 or PKCS#12 file gives its certificates).</summary>
    public IReadOnlyList<X509Certificate> Certificates(string relativePath) =>
        Read(relativePath).Objects.SelectMany(o => o switch
        {
            CertificateObject c => [c.Certificate],
            Pkcs7Object p7 => p7.Certificates,
            Pkcs12Object p12 => p12.Certificates,
            _ => (IEnumerable<X509Certificate>)[],
        }).ToList();

    /// <summary>The first private key in a file (a PKCS#12 file's first key), or null.</summary>
    public AsymmetricKeyParameter? PrivateKey(string relativePath) =>
        Read(relativePath).Objects.Select(o => o switch
        {
            PrivateKeyObject k => k.Key,
            Pkcs12Object p12 => p12.Keys.FirstOrDefault(),
            _ => null,
        }).FirstOrDefault(k => k is not null);

    /// <summary>The first bare public key in a file, or null.</summary>
    public AsymmetricKeyParameter? PublicKey(string relativePath) =>
        Read(relativePath).Objects.OfType<PublicKeyObject>().Select(o => o.Key).FirstOrDefault();
}
