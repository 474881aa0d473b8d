using System.Collections.Concurrent;
using CertInstaller.Core.Pki.Reading;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Validation;

/// <summary>Reads each file of a folder once per validation run, however many rules look at it.</summary>
public sealed class PkiFileCache(string root, PkiReader reader)
{
    private readonly ConcurrentDictionary<string, ReadResult> _results = new(StringComparer.Ordinal);

    /// <summary>A cache over <paramref name="root"/> with a reader that needs no password.</summary>
    public PkiFileCache(string root) : this(root, new PkiReader()) { }

    /// <summary>The read result of a relative path.</summary>
    public ReadResult Read(string relativePath) =>
        _results.GetOrAdd(relativePath, p => reader.ReadFile(Path.Combine(root, p.Replace('/', Path.DirectorySeparatorChar))));

    /// <summary>The certificates in a file (none when unreadable).</summary>
    public IReadOnlyList<X509Certificate> Certificates(string relativePath) =>
        Read(relativePath).Objects.OfType<CertificateObject>().Select(o => o.Certificate).ToList();

    /// <summary>The first private key in a file, or null.</summary>
    public AsymmetricKeyParameter? PrivateKey(string relativePath) =>
        Read(relativePath).Objects.OfType<PrivateKeyObject>().Select(o => o.Key).FirstOrDefault();
}
