using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace CertInstaller.Samples.Issuing;

/// <summary>
/// Reuses seeded key pairs so tests do not pay for RSA key generation twice: in memory per process,
/// and optionally on disk (PKCS#8 files) across runs.
/// </summary>
public sealed class KeyCache
{
    private readonly ConcurrentDictionary<(KeySpec, string), Lazy<AsymmetricCipherKeyPair>> _keys = new();
    private readonly string? _directory;
    private readonly Lazy<bool> _secured;

    /// <summary>A cache in memory only; give <paramref name="directory"/> to keep keys across processes too.</summary>
    public KeyCache(string? directory = null)
    {
        _directory = directory;
        _secured = new Lazy<bool>(Secure);
    }

    /// <summary>A process-wide cache whose keys also live in the user's local application data (test keys only, never real ones).</summary>
    public static KeyCache Shared { get; } = new(SharedDirectory());

    /// <summary>The key pair for <paramref name="spec"/> and <paramref name="seed"/>, generated once.</summary>
    public AsymmetricCipherKeyPair Get(KeySpec spec, string seed) =>
        _keys.GetOrAdd((spec, seed), k => new Lazy<AsymmetricCipherKeyPair>(() => Load(k.Item1, k.Item2))).Value;

    private AsymmetricCipherKeyPair Load(KeySpec spec, string seed)
    {
        if (_directory is null)
        {
            return KeyGenerator.Generate(spec, seed);
        }

        _ = _secured.Value;
        var file = Path.Combine(_directory, FileName(spec, seed));
        if (File.Exists(file))
        {
            try
            {
                return FromPkcs8(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or SecurityUtilityException)
            {
                // A damaged cache entry is regenerated below.
            }
        }

        var keys = KeyGenerator.Generate(spec, seed);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        WriteOwnerOnly(temp, PrivateKeyInfoFactory.CreatePrivateKeyInfo(keys.Private).GetEncoded());
        try
        {
            File.Move(temp, file);
        }
        catch (IOException)
        {
            File.Delete(temp);
        }

        return keys;
    }

    /// <summary>Creates the directory owner-only (0700) and tightens keys an older version wrote 0644: they are private
    /// keys, test keys or not. (Windows: the directory is in the user's own profile, private already.)</summary>
    private bool Secure()
    {
        Directory.CreateDirectory(_directory!);
#if NET
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var file in Directory.EnumerateFiles(_directory!))
            {
                if ((File.GetUnixFileMode(file) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) != 0)
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }
#endif
        return true;
    }

    private static void WriteOwnerOnly(string path, byte[] bytes)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            stream.Write(bytes, 0, bytes.Length);
            return;
        }
#endif
        File.WriteAllBytes(path, bytes);
    }

    private static AsymmetricCipherKeyPair FromPkcs8(byte[] der)
    {
        var key = PrivateKeyFactory.CreateKey(der);
        return new AsymmetricCipherKeyPair(KeyMatcher.PublicOf(key), key);
    }

    private static string FileName(KeySpec spec, string seed)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes($"{spec.Kind}/{spec.Size}/{seed}"));
        return $"{spec.Kind}{spec.Size}-{BitConverter.ToString(hash, 0, 12).Replace("-", string.Empty)}.p8";
    }

    // The user's own profile, not a shared temp folder where another account could plant keys for sample folders.
    private static string SharedDirectory()
    {
        var profile = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(profile.Length > 0 ? profile : Path.GetTempPath(), "CertInstaller", "fixture-keys");
    }
}
