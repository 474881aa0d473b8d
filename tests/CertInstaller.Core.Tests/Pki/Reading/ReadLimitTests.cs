using CertInstaller.Core.Pki.Reading;

namespace CertInstaller.Core.Tests.Pki.Reading;

/// <summary>Issue 11, §8: a 200 MB PEM took 1.9 GB and a 100,000-block PEM 17 s; every read is now bounded in size and blocks.</summary>
public class ReadLimitTests
{
    private const string TinyBlock = "-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n";

    private TempDir _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDir();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void ReadFile_WhenLargerThanTheDefaultCap_RefusesUnread()
    {
        var path = _dir.Write("huge.pem", new byte[PkiReader.DefaultMaxFileBytes + 1]);

        Assert.That(new PkiReader().ReadFile(path).Error?.Code, Is.EqualTo(ReadErrorCode.TooLarge));
    }

    [Test]
    public void ReadFile_WhenScannedFileLargerThanCap_RefusesUnread()
    {
        var path = _dir.Write("big.cer", new byte[2049]);

        var result = new PkiReader { MaxFileBytes = 2048 }.ReadFile(new SourceFile(path, "big.cer"));

        Assert.That(result.Error?.Code, Is.EqualTo(ReadErrorCode.TooLarge));
    }

    [Test]
    public void Read_WhenBytesLargerThanCap_Refuses() =>
        Assert.That(new PkiReader { MaxFileBytes = 10 }.Read("x.cer", new byte[11]).Error?.Code, Is.EqualTo(ReadErrorCode.TooLarge));

    [Test]
    public void ReadFile_WhenMorePemBlocksThanTheDefaultCap_RefusesUnparsed()
    {
        var path = _dir.Write("many.pem", string.Concat(Enumerable.Repeat(TinyBlock, PkiReader.DefaultMaxPemBlocks + 1)));

        Assert.That(new PkiReader().ReadFile(path).Error?.Code, Is.EqualTo(ReadErrorCode.TooManyBlocks));
    }

    [Test]
    public void ReadFile_WhenAsManyPemBlocksAsTheCap_ParsesThem()
    {
        var pem = CertInstaller.Samples.Issuing.PkiWriter.CertificatePem(Fixtures.Root.Certificate);
        var path = _dir.Write("bundle.pem", string.Concat(Enumerable.Repeat(pem, 3)));

        var result = new PkiReader { MaxPemBlocks = 3 }.ReadFile(path);

        Assert.That((result.Error, result.Objects.Count), Is.EqualTo(((ReadError?)null, 3)));
    }

    [Test]
    [Platform(Include = "Linux")]
    public void ReadFile_WhenNamedZeroDevice_RefusesWithoutReading() =>
        Assert.That(new PkiReader().ReadFile("/dev/zero").Error?.Code, Is.EqualTo(ReadErrorCode.NotRegularFile));
}
