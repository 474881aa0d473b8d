using CertInstaller.Core.Pki;
using CertInstaller.Core.Pki.Reading;
using CertInstaller.Samples;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki.Reading;

/// <summary>The run's parsed-file cache: one parse per content, the path of each read in its result, no stale content.</summary>
public class ParsedFileCacheTests
{
    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private string Certs => Path.Combine(_dir.Path, "Certificates");

    private string SampleCertificate()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec());
        return Directory.EnumerateFiles(Certs, "*Certificate.cer", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
    }

    [Test]
    public void Read_WhenTwoPathsHoldTheSameBytes_ParsesOnceAndNamesEachPath()
    {
        var first = SampleCertificate();
        var copy = Path.Combine(_dir.Path, "copy.cer");
        File.Copy(first, copy);
        var cache = new ParsedFileCache();

        var a = cache.Read(new PkiReader(), first);
        var b = cache.Read(new PkiReader(), copy);

        Assert.That(cache.Parses, Is.EqualTo(1));
        Assert.That(cache.Reads, Is.EqualTo(2));
        Assert.That(b.Sha256, Is.EqualTo(a.Sha256));
        Assert.That((a.Result.Path, b.Result.Path), Is.EqualTo((first, copy)));
        Assert.That(b.Result.Objects, Is.EqualTo(a.Result.Objects));
    }

    [Test]
    public void Read_WhenTheFileChangedWithSameSizeAndTime_ParsesTheNewBytes()
    {
        var path = SampleCertificate();
        var cache = new ParsedFileCache();
        var before = cache.Read(new PkiReader(), path);
        var bytes = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);
        Array.Fill(bytes, (byte)'!', bytes.Length / 2, 8);
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, stamp);

        var after = cache.Read(new PkiReader(), path);

        Assert.That(before.Result.Ok, Is.True);
        Assert.That(after.Sha256, Is.Not.EqualTo(before.Sha256));
        Assert.That(after.Result.Error?.Code, Is.EqualTo(new PkiReader().ReadFile(path).Error?.Code).And.Not.Null);
        Assert.That(cache.Parses, Is.EqualTo(2));
    }

    [TestCase(KeyFormat.EncryptedPkcs8)]
    [TestCase(KeyFormat.LegacyEncrypted)]
    public void Read_WhenAnEncryptedKeyIsReadWithAnotherPassword_ParsesItAgain(KeyFormat format)
    {
        var key = Path.Combine(_dir.Path, "key.pem");
        File.WriteAllText(key, PkiWriter.PrivateKeyPem(Fixtures.Key("reader").Private, format, "right"));
        var cache = new ParsedFileCache();

        var none = cache.Read(new PkiReader(), key);
        var right = cache.Read(new PkiReader("right"), key);

        Assert.That(none.Result.Error?.Code, Is.EqualTo(ReadErrorCode.PasswordRequired));
        Assert.That(right.Result.Ok, Is.True);
        Assert.That(cache.Parses, Is.EqualTo(2));
    }

    [Test]
    public void Read_WhenTheFileIsMissing_GivesTheReadersErrorAndCachesNothing()
    {
        var cache = new ParsedFileCache();
        var missing = Path.Combine(_dir.Path, "missing.cer");

        var read = cache.Read(new PkiReader(), missing);

        Assert.That(read.Sha256, Is.Null);
        Assert.That(read.Result.Error?.Code, Is.EqualTo(new PkiReader().ReadFile(missing).Error?.Code).And.Not.Null);
        Assert.That((cache.Reads, cache.Parses), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Read_EverySampleFile_GivesWhatTheReaderGives()
    {
        new IcFolderBuilder().BuildServer(Certs, new IcFolderSpec { Trust = TrustMode.ThirdPartyPerUseType, RemotePeers = 2 });
        var cache = new ParsedFileCache();
        foreach (var file in FolderReader.Enumerate(Certs))
        {
            var direct = new PkiReader().ReadFile(file);
            var cached = cache.Read(new PkiReader(), file).Result;
            Assert.That(cached.Error, Is.EqualTo(direct.Error), file.RelativePath);
            Assert.That(cached.Objects.Select(o => o.Kind), Is.EqualTo(direct.Objects.Select(o => o.Kind)), file.RelativePath);
        }
    }
}
