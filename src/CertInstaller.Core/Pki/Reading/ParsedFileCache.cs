using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CertInstaller.Core.Pki.Reading;

/// <summary>Parsed files of one run, content-addressed by SHA-256: each distinct content is parsed once per run,
/// whichever step or path reads it.</summary>
/// <remarks>
/// Every lookup reads the file's current bytes (one open, one buffer of the file's size) and hashes them, so a file that
/// an install rewrote between two steps has another hash and is parsed again: a cached verdict can never belong to
/// other bytes than the ones on disk now. Only parses of bytes are shared, keyed by the bytes and the reader's limits; a
/// parse the password could have changed (an encrypted key, a PKCS#12 file, any failure) is shared only with readers of
/// the same password, every other parse with any reader. I/O errors (missing, unreadable, not a regular file, too large) are never cached. The bytes are dropped once
/// parsed; the cache holds parsed objects only. Safe for parallel use.
/// </remarks>
public sealed class ParsedFileCache
{
    private readonly ConcurrentDictionary<(string Sha256, int MaxFileBytes, int MaxPemBlocks), Lazy<(ReadResult Result, string? Password)>> _parsed = new();
    private readonly ConcurrentDictionary<(string Sha256, int MaxFileBytes, int MaxPemBlocks, string? Password), Lazy<ReadResult>> _byPassword = new();
    private int _reads;
    private int _parses;

    /// <summary>How many files were opened and read through this cache.</summary>
    public int Reads => _reads;

    /// <summary>How many contents were parsed (cache misses).</summary>
    public int Parses => _parses;

    /// <summary>Reads a file a folder scan found (a link is never followed; see <see cref="PkiReader.ReadFile(SourceFile)"/>).</summary>
    public HashedRead Read(PkiReader reader, SourceFile file) => Read(reader, file.FullPath, followLinks: false);

    /// <summary>Reads a file someone named (a link is followed; see <see cref="PkiReader.ReadFile(string)"/>).</summary>
    public HashedRead Read(PkiReader reader, string path) => Read(reader, path, followLinks: true);

    /// <summary>The parse of content <paramref name="sha256"/> by a reader like <paramref name="reader"/>, if this run
    /// already parsed it (from any path), relocated to <paramref name="path"/>; null otherwise. Nothing is opened.</summary>
    /// <remarks>For bytes whose hash is known from a trusted source, e.g. the snapshot writer's copy of them.</remarks>
    public ReadResult? Parsed(PkiReader reader, string sha256, string path)
    {
        var (password, maxBytes, maxBlocks) = reader.CacheKey;
        if (!_parsed.TryGetValue((sha256, maxBytes, maxBlocks), out var first) || !first.IsValueCreated) return null;
        if (!PasswordDependent(first.Value.Result) || first.Value.Password == password) return Relocate(first.Value.Result, path);
        return _byPassword.TryGetValue((sha256, maxBytes, maxBlocks, password), out var other) && other.IsValueCreated ? Relocate(other.Value, path) : null;
    }

    private HashedRead Read(PkiReader reader, string path, bool followLinks)
    {
        if (reader.ReadBytes(path, followLinks, out var data) is { } error)
        {
            return new HashedRead(ReadResult.Failure(error), null);
        }

        Interlocked.Increment(ref _reads);
        var sha = Sha256(data!);
        var (password, maxBytes, maxBlocks) = reader.CacheKey;
        // Lazy: when two threads race on the same content, GetOrAdd may build two values, but only one parse runs.
        var first = _parsed.GetOrAdd((sha, maxBytes, maxBlocks), _ => new Lazy<(ReadResult, string?)>(() => (Parse(reader, path, data!), password))).Value;
        var parsed = !PasswordDependent(first.Result) || first.Password == password
            ? first.Result
            : _byPassword.GetOrAdd((sha, maxBytes, maxBlocks, password), _ => new Lazy<ReadResult>(() => Parse(reader, path, data!))).Value;
        return new HashedRead(Relocate(parsed, path), sha);
    }

    private ReadResult Parse(PkiReader reader, string path, byte[] data)
    {
        Interlocked.Increment(ref _parses);
        return reader.Read(path, data);
    }

    // Only encrypted keys and PKCS#12 files use the password; a failure is kept per password, since a password may be what it lacked.
    private static bool PasswordDependent(ReadResult result) =>
        result.Error is not null
        || result.Objects.Any(o => o is Pkcs12Object or PrivateKeyObject { Format: KeyFormat.EncryptedPkcs8 or KeyFormat.LegacyEncrypted });

    /// <summary>Lowercase hex SHA-256, as snapshot manifests store it.</summary>
    internal static string Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return Backup.FileHasher.ToHex(sha.ComputeHash(data));
    }

    // A parse is shared by identical contents at different paths; messages must name the path asked about.
    private static ReadResult Relocate(ReadResult result, string path) =>
        result.Path == path ? result : result with { Path = path, Error = result.Error is { } e ? e with { Path = path } : null };
}

/// <summary>A read through <see cref="ParsedFileCache"/>: the result, and the SHA-256 of the bytes it came from (null
/// when the file could not be read).</summary>
public sealed record HashedRead(ReadResult Result, string? Sha256);
