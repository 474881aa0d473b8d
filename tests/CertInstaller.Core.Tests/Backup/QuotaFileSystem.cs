using CertInstaller.Core.IO;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>The real file system, with the folder <paramref name="volume"/> on a volume of <paramref name="capacity"/> bytes:
/// a write that would make its files larger than that fails as a full disk does.</summary>
internal sealed class QuotaFileSystem(string volume, long capacity) : DelegatingFileSystem(new PhysicalFileSystem())
{
    private readonly long _capacity = capacity;

    /// <summary>How many writes were refused for lack of space.</summary>
    public int Refused { get; private set; }

    public override Stream CreateNew(string path, bool privateAccess)
    {
        var stream = Inner.CreateNew(path, privateAccess);
        return Path.GetFullPath(path).StartsWith(Path.GetFullPath(volume), StringComparison.Ordinal) ? new Limited(this, stream) : stream;
    }

    public override void FlushToDisk(Stream stream) => Inner.FlushToDisk(stream is Limited l ? l.Inner : stream);

    public override void ApplyAttributesOnHandle(Stream stream, DateTime createdUtc, DateTime modifiedUtc, bool readOnly, string? permissions) =>
        Inner.ApplyAttributesOnHandle(stream is Limited l ? l.Inner : stream, createdUtc, modifiedUtc, readOnly, permissions);

    public override string? IdentityOfHandle(Stream stream) => Inner.IdentityOfHandle(stream is Limited l ? l.Inner : stream);

    private long Used() => Directory.Exists(volume) ? Directory.EnumerateFiles(volume, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    private sealed class Limited(QuotaFileSystem owner, Stream inner) : Stream
    {
        private long _pending;

        public Stream Inner { get; } = inner;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Inner.Length;
        public override long Position { get => Inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Inner.Flush();
            if (owner.Used() + _pending + count > owner._capacity)
            {
                owner.Refused++;
                throw new IOException("No space left on device.");
            }

            Inner.Write(buffer, offset, count);
            Inner.Flush();
            _pending = 0;
        }

        public override void Flush() => Inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
