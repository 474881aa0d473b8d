using System.Collections.Concurrent;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation;

/// <summary>Reads each file of a folder once per validation run, however many rules look at it.</summary>
/// <remarks>Encrypted keys and PKCS#12 files are tried with each password in turn (the caller's first, then the map
/// file's); the result kept is the first that opens the file, else the last failure (PasswordRequired when no
/// password was given at all, WrongPassword otherwise).</remarks>
public sealed class PkiFileCache
{
    private readonly ConcurrentDictionary<string, ReadResult> _results = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly IReadOnlyList<PkiReader> _readers;

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

    /// <summary>A cache over <paramref name="root"/> with a reader that needs no password.</summary>
    public PkiFileCache(string root) : this(root, new PkiReader()) { }

    /// <summary>The read result of a relative path.</summary>
    public ReadResult Read(string relativePath) => _results.GetOrAdd(relativePath, ReadWithPasswords);

    private ReadResult ReadWithPasswords(string relativePath)
    {
        var full = Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        ReadResult result = null!;
        foreach (var reader in _readers)
        {
            result = reader.ReadFile(full);
            if (result.Error?.Code is not (ReadErrorCode.WrongPassword or ReadErrorCode.PasswordRequired)) return result;
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
