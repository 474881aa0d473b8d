using CertInstaller.Core.Store;
using CertInstaller.Samples.Issuing;

namespace CertInstaller.Core.Tests.Backup;

/// <summary>LocalMachine stores the test fills and changes: present, absent, replaced, key lost, or unreadable.</summary>
public class FakeMachineStores : IMachineCertificateStores
{
    private readonly Dictionary<MachineStore, List<StoreCertificate>> _stores = new()
    {
        [MachineStore.My] = [], [MachineStore.CA] = [], [MachineStore.Root] = [],
    };

    /// <summary>When set, every read throws it (off Windows, a store that cannot be opened).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Stores whose every read throws <see cref="StoreUnreadableException"/> (access denied).</summary>
    public HashSet<MachineStore> Unreadable { get; } = [];

    /// <summary>How many reads the stores answered.</summary>
    public int Reads { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<StoreCertificate> List(MachineStore store)
    {
        Read(store);
        return _stores[store].ToList();
    }

    /// <inheritdoc />
    public StoreCertificate? Find(MachineStore store, string thumbprint)
    {
        Read(store);
        return _stores[store].FirstOrDefault(c => c.Thumbprint == Thumbprints.Normalise(thumbprint));
    }

    /// <summary>Puts <paramref name="issued"/> into <paramref name="store"/>, as crypt32 would describe it.</summary>
    public StoreCertificate Add(MachineStore store, IssuedCertificate issued, bool key = false, KeyExportability exportable = KeyExportability.Unknown, bool? matches = null)
    {
        var der = issued.Certificate.GetEncoded();
        using var bcl = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
        var entry = new StoreCertificate(store, Thumbprints.Of(der), bcl.Subject, bcl.Issuer, bcl.NotBefore.ToUniversalTime(), bcl.NotAfter.ToUniversalTime(),
            key, key ? exportable : KeyExportability.Unknown, key ? matches ?? true : null, der);
        _stores[store].Add(entry);
        return entry;
    }

    /// <summary>Puts the certificate of the PEM file <paramref name="cerFile"/> into <paramref name="store"/>, with the key state given.</summary>
    public StoreCertificate AddFile(MachineStore store, string cerFile, bool key = false, KeyExportability exportable = KeyExportability.Yes, bool? matches = true)
    {
        using var c = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(cerFile));
        var entry = new StoreCertificate(store, c.Thumbprint, c.Subject, c.Issuer, c.NotBefore.ToUniversalTime(), c.NotAfter.ToUniversalTime(),
            key, key ? exportable : KeyExportability.Unknown, key ? matches : null, c.RawData);
        _stores[store].Add(entry);
        return entry;
    }

    /// <summary>Removes <paramref name="issued"/> from <paramref name="store"/>.</summary>
    public void Remove(MachineStore store, IssuedCertificate issued) =>
        _stores[store].RemoveAll(c => c.Thumbprint == Thumbprints.Of(issued.Certificate.GetEncoded()));

    /// <summary>Replaces the entry of <paramref name="issued"/> in <paramref name="store"/> by <paramref name="change"/> of it.</summary>
    public void Change(MachineStore store, IssuedCertificate issued, Func<StoreCertificate, StoreCertificate> change)
    {
        var list = _stores[store];
        var i = list.FindIndex(c => c.Thumbprint == Thumbprints.Of(issued.Certificate.GetEncoded()));
        list[i] = change(list[i]);
    }

    private void Read(MachineStore store)
    {
        Reads++;
        if (Failure is { } e) throw e;
        if (Unreadable.Contains(store)) throw new StoreUnreadableException(store, new System.Security.Cryptography.CryptographicException("Access is denied."));
    }
}
