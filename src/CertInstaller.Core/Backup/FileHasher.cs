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
        using var sha = SHA256.Create();
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.TransformBlock(buffer, 0, read, null, 0);
            output.Write(buffer, 0, read);
            size += read;
        }

        sha.TransformFinalBlock(buffer, 0, 0);
        output.Flush();
        fs.FlushToDisk(output); // on disk before anything (a rename, a manifest) makes the copy count
        return (size, ToHex(sha.Hash!));
    }

    /// <summary>Lowercase hex, as the manifest stores hashes.</summary>
    public static string ToHex(byte[] bytes) => Org.BouncyCastle.Utilities.Encoders.Hex.ToHexString(bytes);
}
