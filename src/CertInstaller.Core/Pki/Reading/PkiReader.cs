using CertInstaller.Core.IO;
using Org.BouncyCastle.X509;

namespace CertInstaller.Core.Pki.Reading;

/// <summary>
/// Reads any PKI file, detecting the format from its bytes (never its extension): PEM or DER certificates,
/// CSRs, private keys (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8, legacy encrypted PEM), public keys (SubjectPublicKeyInfo
/// or PKCS#1 RSAPublicKey), PKCS#12 and PKCS#7.
/// </summary>
public sealed partial class PkiReader
{
    private readonly string? _password;

    /// <summary>The default of <see cref="MaxFileBytes"/>: 4 MiB. A certificate, key or CSR is 1-4 KB, a large CA bundle
    /// a few hundred KB.</summary>
    public const int DefaultMaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxPemBlocks"/>: 2,000 (a public CA bundle holds about 150).</summary>
    public const int DefaultMaxPemBlocks = 2000;

    /// <summary>A reader; <paramref name="password"/> opens encrypted keys and PKCS#12 files.</summary>
    public PkiReader(string? password = null) => _password = password;

    /// <summary>Files larger than this are refused unread (<see cref="ReadErrorCode.TooLarge"/>): memory stays bounded.</summary>
    public int MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>PEM text with more blocks than this is refused unparsed (<see cref="ReadErrorCode.TooManyBlocks"/>): time stays bounded.</summary>
    public int MaxPemBlocks { get; init; } = DefaultMaxPemBlocks;

    /// <summary>Reads the file at <paramref name="path"/>, a path someone named (a link is followed, but it must end at a
    /// regular file); never throws for bad content or I/O problems.</summary>
    public ReadResult ReadFile(string path) => ReadFile(path, followLinks: true);

    /// <summary>Reads a file a folder scan found: a link is never followed, and an entry swapped for a link, FIFO or device
    /// since the scan is refused, not opened; never throws for bad content or I/O problems.</summary>
    public ReadResult ReadFile(SourceFile file) => ReadFile(file.FullPath, followLinks: false);

    private ReadResult ReadFile(string path, bool followLinks) =>
        ReadBytes(path, followLinks, out var data) is { } error ? ReadResult.Failure(error) : Read(path, data!);

    /// <summary>The bytes of the file at <paramref name="path"/> in one buffer of exactly the file's size (never a second
    /// copy), or the error that stopped the read (a directory, too large, not a regular file, an I/O failure).</summary>
    internal ReadError? ReadBytes(string path, bool followLinks, out byte[]? data)
    {
        data = null;
        // A scan's file is opened without following links and must be a regular file (RegularFile refuses a directory
        // as NotRegularFile); the extra stat is for a path someone named, which may lead to a directory.
        if (followLinks && Directory.Exists(path))
        {
            return new ReadError(path, ReadErrorCode.Unreadable, "this is a directory, not a file",
                "name the files inside it, or give the folder to a verb that scans folders");
        }

        try
        {
            using var stream = RegularFile.OpenRead(path, followLinks, bufferSize: 1);
            if (stream.Length > MaxFileBytes || ReadAtMost(stream, MaxFileBytes) is not { } bytes)
            {
                return TooLarge(path);
            }

            data = bytes;
            return null;
        }
        catch (NotRegularFileException e)
        {
            return NotRegular(path, e.Kind, e.Replaced);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ReadError(path, ReadErrorCode.Unreadable, "cannot read the file: " + e.Message,
                "check that the path exists and is readable");
        }
    }

    /// <summary>What, besides the bytes, decides what <see cref="Read"/> returns: two readers with the same key parse the
    /// same bytes the same way (the run cache shares parses on it).</summary>
    internal (string? Password, int MaxFileBytes, int MaxPemBlocks) CacheKey => (_password, MaxFileBytes, MaxPemBlocks);

    /// <summary>The read error of a FIFO, socket or device (<see cref="ReadErrorCode.NotRegularFile"/>), or a link found by a scan.</summary>
    internal static ReadError NotRegular(string path, FileSystemEntryKind kind, bool replaced = false) =>
        kind == FileSystemEntryKind.Link && !replaced
            ? new ReadError(path, ReadErrorCode.Link, "a symbolic link or junction is never followed", "replace the link with the real file")
            : replaced
                ? new ReadError(path, ReadErrorCode.NotRegularFile, $"the file was replaced by {kind.Describe()} while it was being opened; it was not read",
                    "run again once nothing is changing the folder")
                : new ReadError(path, ReadErrorCode.NotRegularFile, $"{kind.Describe()}, not a regular file: never opened",
                    "it holds no certificate; remove it from the folder, or replace it with the real file");

    /// <summary>Reads <paramref name="data"/> that came from <paramref name="path"/>; never throws for bad content.</summary>
    public ReadResult Read(string path, byte[] data)
    {
        try
        {
            if (data.Length == 0)
            {
                throw new PkiReadException(ReadErrorCode.Empty, "the file is empty", "expected a certificate, CSR, key, PKCS#12 or PKCS#7 file");
            }

            if (data.Length > MaxFileBytes)
            {
                return ReadResult.Failure(TooLarge(path));
            }

            return ReadResult.Success(path, LocalKeys.Parse<IReadOnlyList<PkiObject>>(() =>
            {
                var objects = LooksLikePem(data) ? ReadPem(data) : new List<PkiObject> { ReadDer(data, pem: false) };
                foreach (var obj in objects)
                {
                    ForceParse(obj);
                }

                return objects;
            }));
        }
        catch (PkiReadException e)
        {
            return ReadResult.Failure(new ReadError(path, e.Code, e.Message, e.Hint));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ReadResult.Failure(new ReadError(path, ReadErrorCode.Malformed, "malformed data: " + Brief(e.Message),
                "the file is truncated or corrupted; export it again"));
        }
    }

    /// <summary>Re-encodes every structure so a defect deep inside (parsed lazily by BouncyCastle) surfaces here, not later.</summary>
    private static void ForceParse(PkiObject obj)
    {
        if (obj is CsrObject r)
        {
            r.Request.GetEncoded(Org.BouncyCastle.Asn1.Asn1Encodable.Der);
            return;
        }

        IReadOnlyList<X509Certificate> certificates = obj switch
        {
            CertificateObject c => [c.Certificate],
            Pkcs7Object p7 => p7.Certificates,
            Pkcs12Object p12 => p12.Certificates,
            _ => [],
        };
        foreach (var certificate in certificates)
        {
            _ = certificate.CertificateStructure.GetEncoded(Org.BouncyCastle.Asn1.Asn1Encodable.Der);

            // Extensions are decoded on demand; decode the ones chain building relies on now. (GetPublicKey is left
            // out on purpose: BouncyCastle validates RSA moduli, which costs milliseconds per certificate.)
            _ = certificate.GetKeyUsage();
            _ = certificate.GetBasicConstraints();
        }
    }

    /// <summary>The first line of an exception message, without the nested exception text BouncyCastle sometimes appends.</summary>
    internal static string Brief(string message) => Text.Messages.Brief(message);

    private ReadError TooLarge(string path) =>
        new(path, ReadErrorCode.TooLarge, $"the file is larger than {MaxFileBytes / 1024} KiB, far more than any certificate, key or bundle; it was not read",
            "check that this is the right file; split a bundle this large into several files");

    private PkiObject ReadDer(byte[] data, bool pem) => DerClassifier.Read(data, pem, _password);

    internal static X509Certificate ParseCertificate(byte[] der) =>
        new X509CertificateParser().ReadCertificate(der)
        ?? throw new PkiReadException(ReadErrorCode.Malformed, "the certificate block is empty", "export the certificate again");
}
