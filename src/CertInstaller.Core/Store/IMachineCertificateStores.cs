namespace CertInstaller.Core.Store;

/// <summary>
/// Read-only access to the machine's LocalMachine certificate stores (My, CA, Root). Never writes a store, never
/// exports a private key. Throws <see cref="StoreNeedsWindowsException"/> off Windows and
/// <see cref="StoreUnreadableException"/> when a store cannot be opened.
/// </summary>
public interface IMachineCertificateStores
{
    /// <summary>Every certificate of <paramref name="store"/>; empty when the store holds none.</summary>
    IReadOnlyList<StoreCertificate> List(MachineStore store);

    /// <summary>The certificate of <paramref name="store"/> with <paramref name="thumbprint"/> (hex, any case, spaces
    /// ignored), or null.</summary>
    StoreCertificate? Find(MachineStore store, string thumbprint);
}
