using System.Security.Cryptography;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Backup;

/// <summary>SHA-256 of files, and copies that hash what they write.</summary>
internal static class FileHasher
{
    private const int BufferSize = 81920;

    public static (long Size, string Sha256) Hash(IFileSystem fs, string path)
    {
        using var input = fs.OpenRead(path);
        using var sha = SHA256.Create();
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.TransformBlock(buffer, 0, read, null, 0);
            size += read;
        }

        sha.TransformFinalBlock(buffer, 0, 0);
        return (size, ToHex(sha.Hash!));
    }

    /// <summary>Copies <paramref name="source"/> to a new file and returns what was written.</summary>
    public static (long Size, string Sha256) CopyNew(IFileSystem fs, string source, string destination, bool privateAccess)
    {
        using var input = fs.OpenRead(source);
        return CopyNew(fs, input, destination, privateAccess);
    }

    /// <summary>Copies an open stream to a new file, flushed to disk, and returns what was written.</summary>
    public static (long Size, string Sha256) CopyNew(IFileSystem fs, Stream input, string destination, bool privateAccess)
    {
        using var output = fs.CreateNew(destination, privateAccess);
        var written = CopyInto(input, output);
        fs.FlushToDisk(output); // on disk before anything (a rename, a manifest) makes the copy count
        return written;
    }

    /// <summary>
    /// Copies <paramref name="input"/> to <paramref name="output"/> (flushed to the OS, not to disk) and returns the size
    /// and SHA-256. Sparse files stay sparse: a block of zeros is skipped with a seek where the output can seek, so a 2 GB
    /// sparse file takes its real size in a snapshot, not 2 GB (a file of zeros becomes sparse; its bytes are the same).
    /// </summary>
    public static (long Size, string Sha256) CopyInto(Stream input, Stream output)
    {
        using var sha = SHA256.Create();
        var buffer = new byte[BufferSize];
        long size = 0;
        var hole = false;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.TransformBlock(buffer, 0, read, null, 0);
            if (output.CanSeek && AllZero(buffer, read))
            {
                output.Seek(read, SeekOrigin.Current);
                hole = true;
            }
            else
            {
                output.Write(buffer, 0, read);
                hole = false;
            }

            size += read;
        }

        if (hole)
        {
            output.SetLength(size); // a trailing hole: the length is the file's, the blocks stay unallocated
        }

        sha.TransformFinalBlock(buffer, 0, 0);
        output.Flush();
        return (size, ToHex(sha.Hash!));
    }

    private static bool AllZero(byte[] buffer, int count)
    {
#if NET
        return !buffer.AsSpan(0, count).ContainsAnyExcept((byte)0);
#else
        for (var i = 0; i < count; i++)
        {
            if (buffer[i] != 0)
            {
                return false;
            }
        }

        return true;
#endif
    }

    /// <summary>Lowercase hex, as the manifest stores hashes.</summary>
    public static string ToHex(byte[] bytes) => Org.BouncyCastle.Utilities.Encoders.Hex.ToHexString(bytes);
}
