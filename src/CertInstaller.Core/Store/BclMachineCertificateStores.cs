using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertInstaller.Core.IO;

namespace CertInstaller.Core.Store;

/// <summary>
/// <see cref="IMachineCertificateStores"/> over the BCL's <see cref="X509Store"/> (crypt32 on Windows, Wine's crypt32
/// under Wine): each call opens LocalMachine\{store} ReadOnly | OpenExistingOnly and closes it again, so a store is
/// never created or written.
/// </summary>
public sealed class BclMachineCertificateStores : IMachineCertificateStores
{
    /// <summary>True where there are stores to read (Windows, and the Windows build under Wine); hosts refuse the store
    /// checks up front elsewhere rather than report every store as unreadable.</summary>
    public static bool Available => Platform.IsWindows;

    /// <inheritdoc />
    public IReadOnlyList<StoreCertificate> List(MachineStore store) =>
        Read(store, certs => certs.Select(c => Describe(store, c)).ToList());

    /// <inheritdoc />
    public StoreCertificate? Find(MachineStore store, string thumbprint)
    {
        var wanted = Thumbprints.Normalise(thumbprint);
        // Filtered here rather than with X509Certificate2Collection.Find, which hands back copies to dispose as well.
        return Read(store, certs => certs.Where(c => string.Equals(c.Thumbprint, wanted, StringComparison.OrdinalIgnoreCase))
            .Select(c => Describe(store, c)).FirstOrDefault());
    }

    private static T Read<T>(MachineStore store, Func<IReadOnlyList<X509Certificate2>, T> use)
    {
        if (!Platform.IsWindows) throw new StoreNeedsWindowsException(store);
        using var x509 = new X509Store(BclName(store), StoreLocation.LocalMachine);
        try
        {
            x509.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (Exception e) when (e is CryptographicException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new StoreUnreadableException(store, e);
        }

        var certs = x509.Certificates.Cast<X509Certificate2>().ToList();
        try
        {
            return use(certs);
        }
        finally
        {
            foreach (var c in certs) c.Dispose();
        }
    }

    private static StoreName BclName(MachineStore store) => store switch
    {
        MachineStore.My => StoreName.My,
        MachineStore.CA => StoreName.CertificateAuthority,
        MachineStore.Root => StoreName.Root,
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, null),
    };

    private static StoreCertificate Describe(MachineStore store, X509Certificate2 c)
    {
        var hasKey = c.HasPrivateKey;
        var (exportable, matches) = hasKey ? KeyInspector.Inspect(c) : (KeyExportability.Unknown, (bool?)null);
        return new StoreCertificate(store, c.Thumbprint.ToUpperInvariant(), c.Subject, c.Issuer,
            c.NotBefore.ToUniversalTime(), c.NotAfter.ToUniversalTime(), hasKey, exportable, matches, c.RawData);
    }
}
