using System.Runtime.Versioning;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Pki.Issuing;

/// <summary>Issue 11, §11: the fixture key cache held 127 private keys at 0644.</summary>
[Platform(Include = "Linux,MacOsX")]
[UnsupportedOSPlatform("windows")]
public class KeyCacheTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Test]
    public void Get_WhenKeyWrittenToDisk_FileAndFolderAreOwnerOnly()
    {
        using var dir = new TempDir();
        var cache = Path.Combine(dir.Path, "fixture-keys");

        new KeyCache(cache).Get(KeySpec.EcP256, "key-cache/private");

        Assert.That(File.GetUnixFileMode(cache), Is.EqualTo(OwnerOnlyFile | UnixFileMode.UserExecute));
        Assert.That(Directory.EnumerateFiles(cache).Select(File.GetUnixFileMode), Is.All.EqualTo(OwnerOnlyFile));
    }

    [Test]
    public void Get_WhenAnOlderVersionLeftReadableKeys_TightensThem()
    {
        using var dir = new TempDir();
        var cache = Path.Combine(dir.Path, "fixture-keys");
        new KeyCache(cache).Get(KeySpec.EcP256, "key-cache/older");
        var file = Directory.EnumerateFiles(cache).Single();
        File.SetUnixFileMode(file, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(cache, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        new KeyCache(cache).Get(KeySpec.EcP256, "key-cache/older");

        Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerOnlyFile));
        Assert.That(File.GetUnixFileMode(cache), Is.EqualTo(OwnerOnlyFile | UnixFileMode.UserExecute));
    }
}
