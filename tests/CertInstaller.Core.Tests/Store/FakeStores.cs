using System.Security.Cryptography.X509Certificates;
using CertInstaller.Core.Store;

namespace CertInstaller.Core.Tests.Store;

/// <summary>The machine stores as a test sets them up: certificates per store, and stores that cannot be opened.</summary>
internal sealed class FakeStores : IMachineCertificateStores
{
    private readonly Dictionary<MachineStore, List<StoreCertificate>> _stores = new()
    {
        [MachineStore.My] = [],
        [MachineStore.CA] = [],
        [MachineStore.Root] = [],
    };

    /// <summary>Stores that throw <see cref="StoreUnreadableException"/>.</summary>
    public HashSet<MachineStore> Unreadable { get; } = [];

    /// <summary>Puts the certificate of <paramref name="cerFile"/> (PEM) into <paramref name="store"/>, with the key state given.</summary>
    public FakeStores Add(MachineStore store, string cerFile, bool key = false, KeyExportability exportable = KeyExportability.Yes, bool? matches = true)
    {
        using var c = X509Certificate2.CreateFromPem(File.ReadAllText(cerFile));
        _stores[store].Add(new StoreCertificate(store, c.Thumbprint, c.Subject, c.Issuer, c.NotBefore.ToUniversalTime(), c.NotAfter.ToUniversalTime(),
            key, key ? exportable : KeyExportability.Unknown, key ? matches : null, c.RawData));
        return this;
    }

    public IReadOnlyList<StoreCertificate> List(MachineStore store) =>
        Unreadable.Contains(store) ? throw new StoreUnreadableException(store, new System.Security.Cryptography.CryptographicException("Access is denied.")) : _stores[store];

    public StoreCertificate? Find(MachineStore store, string thumbprint) =>
        List(store).FirstOrDefault(c => c.Thumbprint == Thumbprints.Normalise(thumbprint));
}
