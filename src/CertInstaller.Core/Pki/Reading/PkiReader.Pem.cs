using System.Text;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using UtilPemReader = Org.BouncyCastle.Utilities.IO.Pem.PemReader;

namespace CertInstaller.Core.Pki.Reading;

// The bounded file read and PEM reading (moved here unchanged): detect and count blocks, read them (BCL or BouncyCastle).
public sealed partial class PkiReader
{
    private const string PemMarker = "-----BEGIN ";

    private static bool LooksLikePem(byte[] data)
    {
        return data.AsSpan(0, Math.Min(data.Length, 64 * 1024)).IndexOf(PemMarkerBytes) >= 0;
    }

    /// <summary>The whole stream when it holds at most <paramref name="limit"/> bytes, else null (never more than limit + 1 read).</summary>
    /// <remarks>Reads straight into one array of the size the file reports (unbuffered stream), so a file's bytes are held
    /// once; a file that grows while it is read is refused as too large rather than read past its size.</remarks>
    private static byte[]? ReadAtMost(Stream stream, int limit)
    {
        var length = stream.Length;
        if (length > limit)
        {
            return null;
        }

        var data = new byte[length];
        var total = 0;
        int read;
        while (total < data.Length && (read = stream.Read(data, total, data.Length - total)) > 0)
        {
            total += read;
        }

        if (total < data.Length)
        {
            Array.Resize(ref data, total); // the file shrank while it was read: what is there is what it holds
            return data;
        }

        // Still more? The file grew since its size was taken (or reports none, as /proc files do).
        var probe = new byte[1];
        if (stream.Read(probe, 0, 1) == 0)
        {
            return data;
        }

        using var rest = new MemoryStream();
        rest.Write(data, 0, data.Length);
        rest.Write(probe, 0, 1);
        var buffer = new byte[81920];
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1L - rest.Length))) > 0)
        {
            rest.Write(buffer, 0, read);
            if (rest.Length > limit)
            {
                return null;
            }
        }

        return rest.ToArray();
    }

    private static readonly byte[] PemMarkerBytes = Encoding.ASCII.GetBytes(PemMarker);

    // The BEGIN lines, counted with the vectorised span search (the file is at most 4 MiB; counting stops past the limit).
    private static int CountPemBlocks(byte[] data, int stopAfter)
    {
        var rest = data.AsSpan();
        var count = 0;
        int at;
        while (count <= stopAfter && (at = rest.IndexOf(PemMarkerBytes)) >= 0)
        {
            count++;
            rest = rest.Slice(at + PemMarkerBytes.Length);
        }

        return count;
    }

    private List<PkiObject> ReadPem(byte[] data)
    {
        var blocks = CountPemBlocks(data, MaxPemBlocks);
        if (blocks > MaxPemBlocks)
        {
            throw new PkiReadException(ReadErrorCode.TooManyBlocks, $"the PEM text holds more than {MaxPemBlocks} blocks; it was not parsed",
                "check that this is the right file; split a bundle this large into several files");
        }

#if NET
        // ASCII text (every PEM file in practice) is read from its bytes first: the same reader over the same characters,
        // without a UTF-16 copy of the file (bench/profile.sh: the copy and its decoding were 3% of a folder scan). When
        // that does not read cleanly, the text is read as before.
        if (System.Text.Ascii.IsValid(data) && ReadPemWithBcl(data, blocks) is { } ascii)
        {
            return ascii;
        }
#endif
        var text = Encoding.UTF8.GetString(data);
#if NET
        if (ReadPemWithBcl(text, blocks) is { } clean)
        {
            return clean;
        }
#endif
        var objects = new List<PkiObject>();
        var reader = new UtilPemReader(new StringReader(text));
        while (true)
        {
            Org.BouncyCastle.Utilities.IO.Pem.PemObject? block;
            try
            {
                block = reader.ReadPemObject();
            }
            catch (IOException e)
            {
                throw new PkiReadException(ReadErrorCode.Malformed, $"bad PEM block after {objects.Count} object(s): {Brief(e.Message)}",
                    "the PEM text is damaged; check the BEGIN/END lines and the base64 body");
            }

            if (block is null)
            {
                break;
            }

            objects.Add(ReadPemBlock(block));
        }

        if (objects.Count == 0)
        {
            throw new PkiReadException(ReadErrorCode.Malformed, "no complete PEM block found", "the END line of the PEM block is missing");
        }

        return objects;
    }

#if NET
    /// <summary>The blocks of <paramref name="text"/> through the BCL's RFC 7468 reader (<see cref="System.Security.Cryptography.PemEncoding"/>),
    /// several times faster than BouncyCastle's; null, so BouncyCastle's reader reads the text and gives its verdict, unless
    /// every one of the <paramref name="blocks"/> BEGIN lines starts a block the BCL reads cleanly (no headers such as a
    /// legacy encrypted key's, no damaged base64, matching END line).</summary>
    private List<PkiObject>? ReadPemWithBcl(string text, int blocks)
    {
        var found = new List<Org.BouncyCastle.Utilities.IO.Pem.PemObject>();
        var rest = text.AsSpan();
        while (found.Count < blocks && System.Security.Cryptography.PemEncoding.TryFind(rest, out var fields))
        {
            var content = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], content, out var written) || written != content.Length)
            {
                return null;
            }

            found.Add(new Org.BouncyCastle.Utilities.IO.Pem.PemObject(rest[fields.Label].ToString(), content));
            rest = rest[fields.Location.End..];
        }

        return found.Count == blocks && blocks > 0 ? found.Select(ReadPemBlock).ToList() : null;
    }

    /// <summary><see cref="ReadPemWithBcl(string, int)"/> over ASCII bytes (<see cref="System.Security.Cryptography.PemEncoding.TryFindUtf8"/>):
    /// the same blocks, labels and contents, or null.</summary>
    private List<PkiObject>? ReadPemWithBcl(byte[] data, int blocks)
    {
        var found = new List<Org.BouncyCastle.Utilities.IO.Pem.PemObject>();
        var rest = new ReadOnlySpan<byte>(data);
        while (found.Count < blocks && System.Security.Cryptography.PemEncoding.TryFindUtf8(rest, out var fields))
        {
            var content = new byte[fields.DecodedDataLength];
            if (System.Buffers.Text.Base64.DecodeFromUtf8(rest[fields.Base64Data], content, out _, out var written) != System.Buffers.OperationStatus.Done
                || written != content.Length)
            {
                return null;
            }

            found.Add(new Org.BouncyCastle.Utilities.IO.Pem.PemObject(Encoding.ASCII.GetString(rest[fields.Label]), content));
            rest = rest[fields.Location.End..];
        }

        return found.Count == blocks && blocks > 0 ? found.Select(ReadPemBlock).ToList() : null;
    }
#endif

    private PkiObject ReadPemBlock(Org.BouncyCastle.Utilities.IO.Pem.PemObject block)
    {
        var content = block.Content;
        switch (block.Type)
        {
            case "CERTIFICATE":
            case "X509 CERTIFICATE":
            case "TRUSTED CERTIFICATE":
                return new CertificateObject(ParseCertificate(content), true);
            case "CERTIFICATE REQUEST":
            case "NEW CERTIFICATE REQUEST":
                return new CsrObject(new Pkcs10CertificationRequest(content), true);
            case "PRIVATE KEY":
                return new PrivateKeyObject(PrivateKeyFactory.CreateKey(content), KeyFormat.Pkcs8, true);
            case "ENCRYPTED PRIVATE KEY":
                return new PrivateKeyObject(KeyDecoder.DecryptPkcs8(content, _password), KeyFormat.EncryptedPkcs8, true);
            case "RSA PRIVATE KEY":
            case "EC PRIVATE KEY":
            case "DSA PRIVATE KEY":
                return KeyDecoder.ReadTraditionalPem(block, _password);
            case "PUBLIC KEY":
                return new PublicKeyObject(PublicKeyFactory.CreateKey(content), true);
            case "RSA PUBLIC KEY":
                return new PublicKeyObject(KeyDecoder.ReadRsaPublicKey(content), true);
            case "PKCS7":
            case "CMS":
                return DerClassifier.ReadPkcs7(content, pem: true);
            default:
                throw new PkiReadException(ReadErrorCode.UnsupportedPemLabel, $"unsupported PEM label '{Label(block.Type)}'",
                    "expected CERTIFICATE, CERTIFICATE REQUEST, PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA/EC PRIVATE KEY, PUBLIC KEY, RSA PUBLIC KEY or PKCS7");
        }
    }

    /// <summary>A PEM label as a message quotes it: control characters escaped, at most 64 characters.</summary>
    private static string Label(string label)
    {
        var escaped = Text.Printable.Escape(label);
        return escaped.Length <= 64 ? escaped : escaped.Substring(0, 64) + "...";
    }
}
